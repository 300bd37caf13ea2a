using System.Text.Json;

namespace HyperTune.Cli.Api.Models;

/// <summary>A learning-rate range test as the API describes it (docs/rest-api.md, "Learning-rate range tests").</summary>
internal sealed record RangeTest
{
    public string Id { get; set; } = "";

    /// <summary>Running, Completed or Failed.</summary>
    public string State { get; set; } = "";

    /// <summary>Hyperparameter name → value the test trains with (its learning rate is the ramp's).</summary>
    public IReadOnlyDictionary<string, JsonElement> Config { get; set; } = new Dictionary<string, JsonElement>();

    /// <summary>The steps so far, in order.</summary>
    public IReadOnlyList<RangeTestPoint> Points { get; set; } = [];

    /// <summary>The steps of the whole ramp (it may stop before).</summary>
    public int Steps { get; set; }

    /// <summary>The analysis, once completed.</summary>
    public RangeTestResult? Result { get; set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }

    /// <summary>True when it failed because its run was cut off (its silo stopped): starting it again may work.</summary>
    public bool Interrupted { get; set; }

    public string? Silo { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The study it is the first step of; null for a test on its own.</summary>
    public string? StudyId { get; set; }
}
