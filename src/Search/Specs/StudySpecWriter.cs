using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperTune.Search.Algorithms;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Specs;

/// <summary>
/// Writes a study spec as the JSON <see cref="StudySpecParser"/> reads, so that JSON → spec → JSON → spec gives an
/// equal spec. The trainable is always written; the dataset is left out for a synthetic trainable when it is the default
/// (nothing is loaded). Dataset properties are written only when they differ from their defaults; a fixed parameter without a
/// condition is written as a bare value. The learning-rate range test is written, with every option, only when the spec
/// has one.
/// </summary>
public static class StudySpecWriter
{
    private static readonly DatasetSpec DefaultDataset = new();

    /// <summary>The spec as JSON, indented unless <paramref name="indented"/> is false.</summary>
    public static string Write(StudySpec spec, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Write(writer => WriteSpec(writer, spec), indented);
    }

    /// <summary>The search space alone as compact JSON, as it appears under <c>search_space</c>.</summary>
    public static string WriteSearchSpace(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return Write(writer => WriteSpace(writer, space), indented: false);
    }

    private static string Write(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSpec(Utf8JsonWriter writer, StudySpec spec)
    {
        writer.WriteStartObject();
        writer.WriteString("name", spec.Name);
        writer.WriteStartObject("trainable");
        writer.WriteString("kind", spec.Trainable.Kind);
        if (spec.Trainable.SecondsPerEpoch is { } seconds)
        {
            writer.WriteNumber("seconds_per_epoch", seconds);
        }

        writer.WriteEndObject();
        if (!spec.Trainable.IsSynthetic || spec.Dataset != DefaultDataset)
        {
            writer.WritePropertyName("dataset");
            WriteDataset(writer, spec.Dataset);
        }

        writer.WriteStartObject("objective");
        writer.WriteString("metric", spec.Objective.Metric);
        writer.WriteString("direction", JsonNames.Of(spec.Objective.Direction));
        writer.WriteEndObject();
        writer.WritePropertyName("search_space");
        WriteSpace(writer, spec.SearchSpace);
        writer.WritePropertyName("searcher");
        WriteAlgorithm(writer, spec.Searcher.Kind, spec.Searcher.Options);
        writer.WritePropertyName("scheduler");
        WriteAlgorithm(writer, spec.Scheduler.Kind, spec.Scheduler.Options);
        writer.WriteStartObject("budget");
        writer.WriteNumber("max_trials", spec.Budget.MaxTrials);
        writer.WriteNumber("max_concurrent_trials", spec.Budget.MaxConcurrentTrials);
        writer.WriteNumber("max_epochs_per_trial", spec.Budget.MaxEpochsPerTrial);
        if (spec.Budget.WallClockLimit is { } limit)
        {
            writer.WriteString("wall_clock_limit", limit.ToString("c", CultureInfo.InvariantCulture));
        }

        writer.WriteEndObject();
        writer.WriteNumber("checkpoint_interval", spec.CheckpointInterval);
        writer.WriteNumber("seed", spec.Seed);
        if (spec.LearningRateRangeTest is { } rangeTest)
        {
            writer.WritePropertyName("lr_range_test");
            WriteRangeTest(writer, rangeTest);
        }

        writer.WriteEndObject();
    }

    private static void WriteRangeTest(Utf8JsonWriter writer, LearningRateRangeTestSpec rangeTest)
    {
        var options = rangeTest.Options;
        writer.WriteStartObject();
        writer.WriteNumber("start_lr", options.StartLearningRate);
        writer.WriteNumber("end_lr", options.EndLearningRate);
        writer.WriteNumber("steps", options.Steps);
        writer.WriteNumber("smoothing", options.SmoothingBeta);
        writer.WriteNumber("divergence_factor", options.DivergenceFactor);
        writer.WriteNumber("skip_start", options.SkipStart);
        writer.WriteNumber("skip_end", options.SkipEnd);
        writer.WriteBoolean("set_bounds", rangeTest.SetBounds);
        writer.WriteStartObject("config");
        foreach (var (name, value) in rangeTest.Config)
        {
            writer.WritePropertyName(name);
            ParameterValueJsonConverter.WriteValue(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteDataset(Utf8JsonWriter writer, DatasetSpec dataset)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", dataset.Kind);
        WriteIfSet(writer, "path", dataset.Path);
        WriteIfSet(writer, "label_column", dataset.LabelColumn);
        if (dataset.Task is { } task)
        {
            writer.WriteString("task", JsonNames.Of(task));
        }

        WriteIfSet(writer, "validation_path", dataset.ValidationPath);
        if (dataset.ValidationFraction != DefaultDataset.ValidationFraction)
        {
            writer.WriteNumber("validation_fraction", dataset.ValidationFraction);
        }

        if (dataset.Samples != DefaultDataset.Samples)
        {
            writer.WriteNumber("samples", dataset.Samples);
        }

        if (dataset.Noise != DefaultDataset.Noise)
        {
            writer.WriteNumber("noise", dataset.Noise);
        }

        if (dataset.Classes != DefaultDataset.Classes)
        {
            writer.WriteNumber("classes", dataset.Classes);
        }

        if (dataset.Features != DefaultDataset.Features)
        {
            writer.WriteNumber("features", dataset.Features);
        }

        if (dataset.Seed != DefaultDataset.Seed)
        {
            writer.WriteNumber("seed", dataset.Seed);
        }

        if (dataset.Standardize != DefaultDataset.Standardize)
        {
            writer.WriteBoolean("standardize", dataset.Standardize);
        }

        if (dataset.MissingValues != DefaultDataset.MissingValues)
        {
            writer.WriteString("missing_values", JsonNames.Of(dataset.MissingValues));
        }

        writer.WriteEndObject();
    }

    private static void WriteSpace(Utf8JsonWriter writer, SearchSpace space)
    {
        writer.WriteStartObject();
        foreach (var parameter in space.Parameters)
        {
            writer.WritePropertyName(parameter.Name);
            WriteParameter(writer, parameter);
        }

        writer.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter writer, SearchParameter parameter)
    {
        if (parameter.Domain is FixedDomain bare && parameter.When is null)
        {
            ParameterValueJsonConverter.WriteValue(writer, bare.Value);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type", parameter.Domain.TypeName);
        switch (parameter.Domain)
        {
            case UniformFloatDomain u:
                WriteBounds(writer, ParameterValue.Of(u.Low), ParameterValue.Of(u.High));
                break;
            case LogUniformFloatDomain l:
                WriteBounds(writer, ParameterValue.Of(l.Low), ParameterValue.Of(l.High));
                break;
            case IntDomain i:
                WriteBounds(writer, ParameterValue.Of(i.Low), ParameterValue.Of(i.High));
                if (i.Step != 1)
                {
                    writer.WriteNumber("step", i.Step);
                }

                if (i.Log)
                {
                    writer.WriteBoolean("log", true);
                }

                break;
            case CategoricalDomain c:
                writer.WritePropertyName("values");
                WriteValues(writer, c.Values);
                break;
            case FixedDomain f:
                writer.WritePropertyName("value");
                ParameterValueJsonConverter.WriteValue(writer, f.Value);
                break;
        }

        if (parameter.When is { } when)
        {
            writer.WriteStartObject("when");
            writer.WritePropertyName(when.Parent);
            WriteValues(writer, when.Values);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteBounds(Utf8JsonWriter writer, ParameterValue low, ParameterValue high)
    {
        writer.WritePropertyName("low");
        ParameterValueJsonConverter.WriteValue(writer, low);
        writer.WritePropertyName("high");
        ParameterValueJsonConverter.WriteValue(writer, high);
    }

    private static void WriteValues(Utf8JsonWriter writer, IEnumerable<ParameterValue> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            ParameterValueJsonConverter.WriteValue(writer, value);
        }

        writer.WriteEndArray();
    }

    private static void WriteAlgorithm(Utf8JsonWriter writer, string kind, AlgorithmOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", kind);
        foreach (var (name, value) in options)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
