using System.Globalization;
using HyperTune.Search;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>
/// Synthetic regression (<see cref="DatasetKinds.Regression"/>), Friedman #1: features x uniform in [0, 1]^d, with
/// d = <see cref="DatasetSpec.Features"/> (default 10, at least 5; only the first five matter), and target
/// <c>y = 10 sin(π x₁ x₂) + 20 (x₃ − 0.5)² + 10 x₄ + 5 x₅ + noise</c>, the noise Gaussian with standard deviation
/// <see cref="DatasetSpec.Noise"/>. Without noise y lies in [0, 30]. Targets are not standardized. Deterministic for
/// <see cref="DatasetSpec.Seed"/>.
/// </summary>
public sealed class RegressionDatasetSource : IDatasetSource
{
    /// <summary>The number of features when the spec gives none.</summary>
    public const int DefaultFeatures = 10;

    /// <summary>The fewest features: the Friedman function reads five.</summary>
    public const int MinFeatures = 5;

    /// <inheritdoc />
    public string Kind => DatasetKinds.Regression;

    /// <summary>The noiseless Friedman #1 function of the first five values of a row.</summary>
    public static double Friedman1(ReadOnlySpan<float> x)
    {
        if (x.Length < MinFeatures)
        {
            throw new ArgumentException($"The Friedman #1 function reads {MinFeatures} values, got {x.Length}.", nameof(x));
        }

        var half = x[2] - 0.5;
        return (10 * Math.Sin(Math.PI * x[0] * x[1])) + (20 * half * half) + (10 * x[3]) + (5 * x[4]);
    }

    /// <inheritdoc />
    public PreparedDataset Load(DatasetSpec spec, CancellationToken cancellationToken)
    {
        SpecChecks.Kind(this, spec);
        SpecChecks.ImpliedTask(spec, TaskKind.Regression);
        SpecChecks.Samples(spec, 2);
        SpecChecks.Noise(spec);
        SpecChecks.ValidationFraction(spec);
        var features = SpecChecks.Features(spec, DefaultFeatures, MinFeatures);

        var random = new Random(spec.Seed);
        var table = new SampleTable(features, TaskKind.Regression, spec.Samples);
        var row = new float[features];
        for (var i = 0; i < spec.Samples; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = 0; j < features; j++)
            {
                row[j] = (float)random.NextDouble();
            }

            table.Add(row, (float)(Friedman1(row) + (spec.Noise * random.NextGaussian())));
        }

        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"regression (Friedman #1, {features} features, {spec.Samples} samples, noise {spec.Noise}, seed {spec.Seed})");
        return DatasetPreparation.Prepare(name, table, [], DatasetPreparation.IndexFeatureNames(features), spec);
    }
}
