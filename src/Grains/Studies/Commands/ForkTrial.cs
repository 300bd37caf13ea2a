using System.Globalization;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Values;

namespace HyperTune.Grains.Studies.Commands;

/// <summary>
/// A person's fork of a trial, checked: a new trial of the study continues from <paramref name="SourceEpoch"/>'s
/// checkpoint of <paramref name="SourceTrialId"/> with <paramref name="Config"/> (the source's, with the changes), and
/// starts at <paramref name="LearningRate"/> when the fork changes it. The launcher starts it like any trial, in the
/// next place the study's concurrency allows (<c>TrialLauncher.Fork</c>); the trial takes over the checkpoint the way
/// population-based training does (<see cref="ExploitTrial"/>).
/// </summary>
public sealed record ForkTrial(string SourceTrialId, int SourceEpoch, TrialConfig Config, double? LearningRate)
{
    /// <summary>What the new trial is told of its origin.</summary>
    public TrialFork Origin => new(SourceTrialId, SourceEpoch, LearningRate);

    /// <summary>
    /// Checks a fork of <paramref name="source"/> whose stored checkpoints are <paramref name="checkpoints"/>: the changes
    /// must be hyperparameters of the engine that keep the model's shape, with legal values, and the epoch one with a
    /// checkpoint. The refusal (with the field it is about), or null with the checked fork.
    /// </summary>
    public static TrialForkResult? Check(TrialSnapshot source, TrialForkRequest request, IReadOnlyCollection<int> checkpoints, out ForkTrial? fork)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(checkpoints);
        fork = null;
        var config = source.Config;
        double? learningRate = null;
        foreach (var (name, value) in request.Overrides)
        {
            var field = "$." + name;
            if (!HyperparameterCatalog.TryGet(name, out var definition))
            {
                return Refuse(CommandResult.InvalidArgument($"'{Shorten(name)}' is not a hyperparameter of the training engine."), "$");
            }

            if (ModelShapeParameters.Contains(name))
            {
                return Refuse(CommandResult.InvalidArgument(
                    $"'{name}' shapes the model or its optimizer's state, so the checkpoint of {source.TrialId} would not fit; a fork keeps it ({Current(config, name)})."), field);
            }

            if (definition.Check(value.ToObject()) is { } problem)
            {
                return Refuse(CommandResult.InvalidArgument($"'{name}' {problem}."), field);
            }

            if (name == HyperparameterNames.LearningRate)
            {
                learningRate = value.AsDouble();
                if (LearningRateCommandLimits.CheckSet(learningRate.Value) is { } outOfRange)
                {
                    return Refuse(CommandResult.InvalidArgument(outOfRange), field);
                }
            }

            config = config.With(name, value);
        }

        int epoch;
        if (request.Epoch is { } asked)
        {
            if (asked < 1)
            {
                return Refuse(CommandResult.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"The epoch must be at least 1, not {asked}.")), "$.epoch");
            }

            if (!checkpoints.Contains(asked))
            {
                var kept = checkpoints.Count == 0 ? "it keeps none" : "it keeps those of epochs " + string.Join(", ", checkpoints.Order());
                return Refuse(CommandResult.InvalidState(string.Create(CultureInfo.InvariantCulture, $"Trial {source.TrialId} has no checkpoint at epoch {asked}; {kept}.")), "$.epoch");
            }

            epoch = asked;
        }
        else if (checkpoints.Count == 0)
        {
            return Refuse(CommandResult.InvalidState(
                $"Trial {source.TrialId} has no checkpoint to fork from (it is {source.State}{(source.Epoch == 0 ? " and has trained no epoch" : string.Empty)}; a study writes checkpoints every checkpoint_interval epochs)."));
        }
        else
        {
            epoch = checkpoints.Max();
        }

        fork = new ForkTrial(source.TrialId, epoch, config, learningRate);
        return null;
    }

    private static TrialForkResult Refuse(CommandResult result, string? field = null) => TrialForkResult.Refused(result, field);

    private static string Current(TrialConfig config, string name) =>
        config.TryGetValue(name, out var value) ? $"{name}={value}" : "the study's default";

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
