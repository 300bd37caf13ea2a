using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperTune.Coordinator.Api;

namespace HyperTune.Coordinator.Dashboard.Forms;

/// <summary>
/// The create-study form: one text per spec field, each known by its JSON path so that the API's problems (which name
/// JSON paths) land beside the field they concern. Besides the fixed fields, the chosen searcher's and scheduler's options
/// (<see cref="AlgorithmCatalog"/>) are fields of their own, at <c>$.searcher.&lt;option&gt;</c> and
/// <c>$.scheduler.&lt;option&gt;</c>; an empty field is left out of the spec, so the option keeps its default.
/// </summary>
public sealed class SpecForm
{
    /// <summary>The paths of the fixed fields, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> FixedPaths =
    [
        "$.name", "$.dataset.kind", "$.dataset.path", "$.dataset.label_column", "$.dataset.task", "$.dataset.samples",
        "$.objective.metric", "$.objective.direction", "$.searcher.kind", "$.scheduler.kind",
        "$.budget.max_trials", "$.budget.max_concurrent_trials", "$.budget.max_epochs_per_trial", "$.budget.wall_clock_limit",
        "$.checkpoint_interval", "$.seed", "$.search_space",
    ];

    /// <summary>The fields only a CSV dataset has.</summary>
    public static readonly IReadOnlySet<string> CsvPaths = new HashSet<string> { "$.dataset.path", "$.dataset.label_column", "$.dataset.task" };

    private static readonly HashSet<string> NumberPaths =
        ["$.budget.max_trials", "$.budget.max_concurrent_trials", "$.budget.max_epochs_per_trial", "$.checkpoint_interval", "$.seed", "$.dataset.samples"];

    /// <summary>Each field's text, by path (option fields included, those of other kinds kept for when they are chosen again).</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal)
    {
        ["$.name"] = "digits-lr",
        ["$.dataset.kind"] = "digits",
        ["$.dataset.path"] = "",
        ["$.dataset.label_column"] = "",
        ["$.dataset.task"] = "",
        ["$.dataset.samples"] = "",
        ["$.objective.metric"] = "val_accuracy",
        ["$.objective.direction"] = "maximize",
        ["$.searcher.kind"] = "random",
        ["$.scheduler.kind"] = "none",
        ["$.budget.max_trials"] = "8",
        ["$.budget.max_concurrent_trials"] = "4",
        ["$.budget.max_epochs_per_trial"] = "20",
        ["$.budget.wall_clock_limit"] = "",
        ["$.checkpoint_interval"] = "5",
        ["$.seed"] = "42",
        ["$.search_space"] = """
            {
              "learning_rate": { "type": "loguniform", "low": 1e-4, "high": 0.1 },
              "optimizer": { "type": "choice", "values": ["sgd", "adam"] },
              "hidden_units": { "type": "choice", "values": [32, 64, 128] }
            }
            """,
    };

    /// <summary>The chosen searcher's options.</summary>
    public IReadOnlyList<OptionField> SearcherOptions => AlgorithmCatalog.SearcherOptions(Text("$.searcher.kind"));

    /// <summary>The chosen scheduler's options.</summary>
    public IReadOnlyList<OptionField> SchedulerOptions => AlgorithmCatalog.SchedulerOptions(Text("$.scheduler.kind"));

    /// <summary>True when the dataset is a CSV file (its path, label column and task apply).</summary>
    public bool IsCsv => Text("$.dataset.kind") == "csv";

    /// <summary>Every field the form shows now: the fixed ones and the chosen algorithms' options.</summary>
    public IEnumerable<string> Paths => FixedPaths
        .Where(p => IsCsv || !CsvPaths.Contains(p))
        .Concat(SearcherOptions.Select(o => "$.searcher." + o.Name))
        .Concat(SchedulerOptions.Select(o => "$.scheduler." + o.Name));

    /// <summary>The text of field <paramref name="path"/> (empty when unset).</summary>
    public string Text(string path) => Values.GetValueOrDefault(path, "").Trim();

    /// <summary>
    /// The spec as JSON, or the fields that cannot become JSON (a search space or an option that is not what it must
    /// be). Empty fields are left out; a number field that is not a whole number is sent as text, so the API names it.
    /// </summary>
    public (string? Json, Dictionary<string, string> Errors) ToJson()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = new JsonObject();
        var options = SearcherOptions.Select(o => ("$.searcher." + o.Name, o)).Concat(SchedulerOptions.Select(o => ("$.scheduler." + o.Name, o)))
            .ToDictionary(p => p.Item1, p => p.o, StringComparer.Ordinal);
        foreach (var path in Paths)
        {
            var text = Text(path);
            if (text.Length == 0)
            {
                continue;
            }

            JsonNode? node;
            if (path == "$.search_space")
            {
                try
                {
                    node = JsonNode.Parse(text);
                    if (node is not JsonObject)
                    {
                        errors[path] = "must be a JSON object: { \"name\": domain, … }";
                        continue;
                    }
                }
                catch (JsonException e)
                {
                    errors[path] = "is not valid JSON: " + JsonParseError.Describe(e, text);
                    continue;
                }
            }
            else if (options.TryGetValue(path, out var option))
            {
                if (Option(option, text) is not { } value)
                {
                    errors[path] = option.Kind == OptionKind.List ? "must be a JSON list, e.g. " + (option.Default.Length > 0 ? option.Default : "[1, 2]") : "is not a value this option takes";
                    continue;
                }

                node = value;
            }
            else if (NumberPaths.Contains(path) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                node = JsonValue.Create(number);
            }
            else
            {
                node = JsonValue.Create(text);
            }

            Set(root, path, node);
        }

        return (errors.Count == 0 ? root.ToJsonString() : null, errors);
    }

    /// <summary>
    /// The form field a problem at <paramref name="problemPath"/> belongs to: the longest field path shown now that is it
    /// or one of its parents; null when none is (the problem is shown above the form).
    /// </summary>
    public string? FieldOf(string problemPath) => Paths
        .Where(p => problemPath == p || (problemPath.StartsWith(p, StringComparison.Ordinal) && problemPath[p.Length] is '.' or '['))
        .OrderByDescending(p => p.Length).FirstOrDefault()
        ?? (problemPath.StartsWith("$.searcher", StringComparison.Ordinal) ? "$.searcher.kind"
            : problemPath.StartsWith("$.scheduler", StringComparison.Ordinal) ? "$.scheduler.kind" : null);

    /// <summary>
    /// Searches <c>learning_rate</c> log-uniformly between <paramref name="low"/> and <paramref name="high"/> (a range
    /// test's bounds): replaces its domain in the search space, or adds it; a search space that is not a JSON object is
    /// started afresh.
    /// </summary>
    public void SetLearningRateRange(double low, double high)
    {
        JsonObject space;
        try
        {
            space = JsonNode.Parse(Text("$.search_space")) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            space = [];
        }

        space["learning_rate"] = new JsonObject { ["type"] = "loguniform", ["low"] = low, ["high"] = high };
        Values["$.search_space"] = space.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>An option's text as JSON: a literal that parses as one (number, true, a list, a quoted string), else a string.</summary>
    private static JsonNode? Option(OptionField option, string text)
    {
        JsonNode? parsed = null;
        try
        {
            parsed = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Not a JSON literal: a plain string, unless the option wants a list.
        }

        return option.Kind switch
        {
            OptionKind.List => parsed as JsonArray,
            _ => parsed ?? JsonValue.Create(text),
        };
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path[2..].Split('.');
        var current = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (current[parts[i]] is not JsonObject next)
            {
                current[parts[i]] = next = new JsonObject();
            }

            current = next;
        }

        current[parts[^1]] = value;
    }
}
