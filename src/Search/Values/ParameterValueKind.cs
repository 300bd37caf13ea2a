namespace HyperTune.Search.Values;

/// <summary>The type of a <see cref="ParameterValue"/>.</summary>
public enum ParameterValueKind
{
    /// <summary>A real number (<see cref="double"/>).</summary>
    Float,

    /// <summary>A whole number (<see cref="long"/>).</summary>
    Int,

    /// <summary>A string, such as an optimizer name.</summary>
    String,

    /// <summary>true or false.</summary>
    Bool,
}
