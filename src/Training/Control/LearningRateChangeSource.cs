namespace HyperTune.Training.Control;

/// <summary>Who or what changed a run's learning rate.</summary>
public enum LearningRateChangeSource
{
    /// <summary>A person, through the API, CLI or dashboard.</summary>
    User,

    /// <summary>The run's own schedule made a discrete step (step decay, reduce-on-plateau).</summary>
    Schedule,

    /// <summary>An automatic policy of the study, such as decay on plateau.</summary>
    Policy,

    /// <summary>Population-based training exploring a new learning rate.</summary>
    Population,
}
