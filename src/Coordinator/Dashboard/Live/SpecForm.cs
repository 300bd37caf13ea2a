using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// The create-study form: one text per spec field, each known by its JSON path so that the API's problems (which name
/// JSON paths) land beside the field they concern.
/// </summary>
public sealed class SpecForm
{
    /// <summary>The paths of the form's fields.</summary>
    public static readonly IReadOnlyList<string> Paths =
    [
        "$.name", "$.dataset.kind", "$.dataset.path", "$.dataset.label_column", "$.objective.metric", "$.objective.direction",
        "$.searcher.kind", "$.budget.max_trials", "$.budget.max_concurrent_trials", "$.budget.max_epochs_per_trial",
        "$.checkpoint_interval", "$.seed", "$.search_space",
    ];

    private static readonly HashSet<string> NumberPaths =
        ["$.budget.max_trials", "$.budget.max_concurrent_trials", "$.budget.max_epochs_per_trial", "$.checkpoint_interval", "$.seed"];

    /// <summary>Each field's text, by path.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal)
    {
        ["$.name"] = "digits-lr",
        ["$.dataset.kind"] = "digits",
        ["$.dataset.path"] = "",
        ["$.dataset.label_column"] = "",
        ["$.objective.metric"] = "val_accuracy",
        ["$.objective.direction"] = "maximize",
        ["$.searcher.kind"] = "random",
        ["$.budget.max_trials"] = "8",
        ["$.budget.max_concurrent_trials"] = "4",
        ["$.budget.max_epochs_per_trial"] = "20",
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

    /// <summary>
    /// The spec as JSON, or the fields that cannot become JSON (a search space that is not a JSON object). Empty optional
    /// fields are left out; a number field that is not a whole number is sent as text, so the API names it.
    /// </summary>
    public (string? Json, Dictionary<string, string> Errors) ToJson()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = new JsonObject();
        foreach (var path in Paths)
        {
            var text = Values.GetValueOrDefault(path, "").Trim();
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
                    errors[path] = "is not valid JSON: " + e.Message;
                    continue;
                }
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
    /// The form field a problem at <paramref name="problemPath"/> belongs to: the longest field path that is it or one of
    /// its parents; null when none is (the problem is shown above the form).
    /// </summary>
    public static string? FieldOf(string problemPath) => Paths
        .Where(p => problemPath == p || (problemPath.StartsWith(p, StringComparison.Ordinal) && problemPath[p.Length] is '.' or '['))
        .OrderByDescending(p => p.Length).FirstOrDefault();

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
