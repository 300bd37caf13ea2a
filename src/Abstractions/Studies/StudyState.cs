namespace HyperTune.Abstractions.Studies;

/// <summary>The life of a study.</summary>
[GenerateSerializer]
public enum StudyState
{
    /// <summary>No study has this id.</summary>
    None,

    /// <summary>Starting trials as slots allow.</summary>
    Running,

    /// <summary>Its trials are paused and no new ones start.</summary>
    Paused,

    /// <summary>Stop was asked; waiting for running trials to end.</summary>
    Stopping,

    /// <summary>The budget is spent and every trial has finished.</summary>
    Completed,

    /// <summary>Stopped by a person or by its wall-clock limit.</summary>
    Stopped,

    /// <summary>Could not go on (its learning-rate range test failed); the reason says why.</summary>
    Failed,
}
