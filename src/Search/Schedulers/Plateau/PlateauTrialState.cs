namespace HyperTune.Search.Schedulers.Plateau;

/// <summary>The plateau bookkeeping of one trial.</summary>
public sealed class PlateauTrialState
{
    /// <summary>The best score so far (higher is better); −∞ before any.</summary>
    public double Best { get; set; } = double.NegativeInfinity;

    /// <summary>Epochs since the last improvement, not counting cooldown.</summary>
    public int BadEpochs { get; set; }

    /// <summary>Epochs of cooldown left.</summary>
    public int CooldownLeft { get; set; }

    /// <summary>The learning rate as the scheduler tracks it: the config's (or the engine default) times every decay sent.</summary>
    public double LearningRate { get; set; }

    /// <summary>Decays sent so far.</summary>
    public int Decays { get; set; }
}
