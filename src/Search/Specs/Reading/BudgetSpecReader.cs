using System.Text.Json;

namespace HyperTune.Search.Specs.Reading;

/// <summary>Reads <c>$.budget</c>.</summary>
internal static class BudgetSpecReader
{
    private static readonly string[] Known = ["max_trials", "max_concurrent_trials", "max_epochs_per_trial", "wall_clock_limit"];

    public static BudgetSpec Read(SpecReadContext context, JsonElement element, string path)
    {
        var budget = new BudgetSpec();
        foreach (var (name, value, propertyPath) in context.Properties(element, path, Known, "a budget"))
        {
            budget = name switch
            {
                "max_trials" => context.Int32(value, propertyPath) is { } t ? budget with { MaxTrials = t } : budget,
                "max_concurrent_trials" => context.Int32(value, propertyPath) is { } c ? budget with { MaxConcurrentTrials = c } : budget,
                "max_epochs_per_trial" => context.Int32(value, propertyPath) is { } e ? budget with { MaxEpochsPerTrial = e } : budget,
                _ => budget with { WallClockLimit = context.Duration(value, propertyPath) },
            };
        }

        return budget;
    }
}
