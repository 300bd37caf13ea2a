using System.Text.Json;
using System.Text.Json.Serialization;
using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Api;

/// <summary>
/// JSON of the REST API: camelCase names, enums as strings, and the non-finite numbers the API writes as
/// <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
/// </summary>
/// <remarks>
/// The models' properties are settable rather than init-only on purpose: generated code assigns every init-only
/// property, so a field missing from the JSON would turn a default such as an empty list or a NaN learning rate
/// into null or 0.
/// </remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Study))]
[JsonSerializable(typeof(IReadOnlyList<Study>))]
[JsonSerializable(typeof(Trial))]
[JsonSerializable(typeof(IReadOnlyList<Trial>))]
[JsonSerializable(typeof(BestTrial))]
[JsonSerializable(typeof(StudyHistory))]
[JsonSerializable(typeof(TrialDetails))]
[JsonSerializable(typeof(ClusterView))]
[JsonSerializable(typeof(SiloSlots))]
[JsonSerializable(typeof(EpochEvent))]
[JsonSerializable(typeof(DecayLearningRateRequest))]
[JsonSerializable(typeof(SetLearningRateRequest))]
[JsonSerializable(typeof(ForkTrialResponse))]
[JsonSerializable(typeof(RangeTest))]
[JsonSerializable(typeof(RangeTestSummary[]))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
