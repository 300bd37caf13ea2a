using System.Text.Json;

namespace HyperTune.Search.Specs.Reading;

/// <summary>Reads a whole spec, best effort: a part that cannot be read is reported and left at its default.</summary>
internal static class StudySpecReader
{
    private static readonly string[] Known =
    [
        "name", "dataset", "objective", "search_space", "searcher", "scheduler", "budget", "checkpoint_interval", "seed",
        "lr_range_test", "trainable",
    ];

    public static StudySpec Read(SpecReadContext context, JsonElement root)
    {
        const string path = JsonPaths.Root;
        var spec = new StudySpec { Name = "" };
        var sawName = false;
        foreach (var (name, value, propertyPath) in context.Properties(root, path, Known, "a study spec"))
        {
            switch (name)
            {
                case "name":
                    sawName = true;
                    spec = spec with { Name = context.String(value, propertyPath) ?? "" };
                    break;
                case "dataset":
                    spec = spec with { Dataset = DatasetSpecReader.Read(context, value, propertyPath) };
                    break;
                case "objective":
                    spec = spec with { Objective = ObjectiveSpecReader.Read(context, value, propertyPath) };
                    break;
                case "search_space":
                    spec = spec with { SearchSpace = SearchSpaceReader.Read(context, value, propertyPath) };
                    break;
                case "searcher":
                    var (searcherKind, searcherOptions) = AlgorithmSpecReader.Read(context, value, propertyPath);
                    spec = searcherKind is null ? spec : spec with { Searcher = new SearcherSpec(searcherKind, searcherOptions) };
                    break;
                case "scheduler":
                    var (schedulerKind, schedulerOptions) = AlgorithmSpecReader.Read(context, value, propertyPath);
                    spec = schedulerKind is null ? spec : spec with { Scheduler = new SchedulerSpec(schedulerKind, schedulerOptions) };
                    break;
                case "budget":
                    spec = spec with { Budget = BudgetSpecReader.Read(context, value, propertyPath) };
                    break;
                case "checkpoint_interval":
                    spec = context.Int32(value, propertyPath) is { } interval ? spec with { CheckpointInterval = interval } : spec;
                    break;
                case "trainable":
                    spec = spec with { Trainable = TrainableSpecReader.Read(context, value, propertyPath) };
                    break;
                case "lr_range_test":
                    spec = spec with { LearningRateRangeTest = LearningRateRangeTestSpecReader.Read(context, value, propertyPath) };
                    break;
                default:
                    spec = context.Int64(value, propertyPath) is { } seed ? spec with { Seed = seed } : spec;
                    break;
            }
        }

        if (!sawName && root.ValueKind == JsonValueKind.Object)
        {
            context.Error(JsonPaths.Property(path, "name"), "is required");
        }

        return spec;
    }
}
