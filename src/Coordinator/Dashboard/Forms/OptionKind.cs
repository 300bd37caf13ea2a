namespace HyperTune.Coordinator.Dashboard.Forms;

/// <summary>How an algorithm option is entered in the form.</summary>
public enum OptionKind
{
    /// <summary>A number (whole or not).</summary>
    Number,

    /// <summary>True or false (or the default).</summary>
    Boolean,

    /// <summary>A JSON array, e.g. <c>[0.8, 1.2]</c> or <c>["learning_rate"]</c>.</summary>
    List,

    /// <summary>Text.</summary>
    Text,
}
