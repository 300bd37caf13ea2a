using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Searchers;

namespace HyperTune.Coordinator.Dashboard.Forms;

/// <summary>
/// The searchers and schedulers the form offers, and each one's options: read from the algorithm registry and each
/// provider's options class (its settable properties, their defaults and — from the Search assembly's XML documentation,
/// when it ships beside it — what they mean), so a new option or algorithm shows in the form without touching it.
/// </summary>
public static partial class AlgorithmCatalog
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<OptionField>> Fields = new();
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Docs = new(ReadDocs);

    /// <summary>The searcher kinds, the simplest first: random, grid, tpe, then any others.</summary>
    public static IReadOnlyList<string> Searchers { get; } = Ordered(AlgorithmRegistry.Default.SearcherKinds, ["random", "grid", "tpe"]);

    /// <summary>The scheduler kinds: none first, then median, asha, hyperband, pbt, plateau and any others.</summary>
    public static IReadOnlyList<string> Schedulers { get; } = Ordered(AlgorithmRegistry.Default.SchedulerKinds, ["none", "median", "asha", "hyperband", "pbt", "plateau"]);

    /// <summary>The options of searcher <paramref name="kind"/>; none for an unknown kind.</summary>
    public static IReadOnlyList<OptionField> SearcherOptions(string kind) =>
        AlgorithmRegistry.Default.TryGetSearcher(kind, out var provider) ? OptionsOf(provider.GetType(), typeof(SearcherProvider<>)) : [];

    /// <summary>The options of scheduler <paramref name="kind"/>; none for an unknown kind or <c>none</c>.</summary>
    public static IReadOnlyList<OptionField> SchedulerOptions(string kind) =>
        AlgorithmRegistry.Default.TryGetScheduler(kind, out var provider) ? OptionsOf(provider.GetType(), typeof(SchedulerProvider<>)) : [];

    private static IReadOnlyList<string> Ordered(IEnumerable<string> kinds, string[] first)
    {
        var all = kinds.ToList();
        return [.. first.Where(all.Contains), .. all.Where(k => !first.Contains(k))];
    }

    private static IReadOnlyList<OptionField> OptionsOf(Type provider, Type generic)
    {
        for (var type = provider; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == generic)
            {
                return Fields.GetOrAdd(type.GetGenericArguments()[0], Describe);
            }
        }

        return [];
    }

    private static IReadOnlyList<OptionField> Describe(Type options)
    {
        var defaults = Activator.CreateInstance(options);
        var fields = new List<OptionField>();
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var kind = type == typeof(bool) ? OptionKind.Boolean
                : type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) ? OptionKind.Number
                : type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? OptionKind.List
                : OptionKind.Text;
            var value = property.GetValue(defaults);
            var text = value is null ? "" : JsonSerializer.Serialize(value, property.PropertyType);
            fields.Add(new OptionField(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name), kind, text,
                Docs.Value.GetValueOrDefault($"P:{options.FullName}.{property.Name}")));
        }

        return fields;
    }

    /// <summary>The summaries of the Search assembly's documentation file, by member; empty when it is not there.</summary>
    private static IReadOnlyDictionary<string, string> ReadDocs()
    {
        try
        {
            var file = Path.ChangeExtension(typeof(AlgorithmRegistry).Assembly.Location, ".xml");
            if (!File.Exists(file))
            {
                return new Dictionary<string, string>();
            }

            return XDocument.Load(file).Descendants("member")
                .Where(m => m.Attribute("name")?.Value.StartsWith("P:", StringComparison.Ordinal) == true && m.Element("summary") is not null)
                .ToDictionary(m => m.Attribute("name")!.Value, m => Plain(m.Element("summary")!), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>A summary as plain words: references by their last name, whitespace collapsed.</summary>
    private static string Plain(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(node => node switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" } see => Last(see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Value),
            XElement e => e.Value,
            _ => "",
        }));
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string Last(string reference)
    {
        var name = reference[(reference.LastIndexOf('.') + 1)..];
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
