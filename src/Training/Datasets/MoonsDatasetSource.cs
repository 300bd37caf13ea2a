using System.Globalization;
using HyperTune.Search;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>
/// Synthetic two interleaved half-moons (<see cref="DatasetKinds.Moons"/>), as scikit-learn's <c>make_moons</c>:
/// class 0 on the upper half circle <c>(cos θ, sin θ)</c>, class 1 on the lower one <c>(1 − cos θ, 0.5 − sin θ)</c>,
/// θ evenly spaced over [0, π]. Always two classes (<see cref="DatasetSpec.Classes"/> is ignored); row <c>i</c> is of
/// class <c>i mod 2</c>; Gaussian noise of standard deviation <see cref="DatasetSpec.Noise"/> is added to both
/// coordinates. Deterministic for <see cref="DatasetSpec.Seed"/>.
/// </summary>
public sealed class MoonsDatasetSource : IDatasetSource
{
    /// <inheritdoc />
    public string Kind => DatasetKinds.Moons;

    /// <inheritdoc />
    public PreparedDataset Load(DatasetSpec spec, CancellationToken cancellationToken)
    {
        SpecChecks.Kind(this, spec);
        SpecChecks.ImpliedTask(spec, TaskKind.Classification);
        SpecChecks.Samples(spec, 4);
        SpecChecks.Noise(spec);
        SpecChecks.ValidationFraction(spec);

        var random = new Random(spec.Seed);
        var table = new SampleTable(2, TaskKind.Classification, spec.Samples);
        Span<float> row = stackalloc float[2];
        for (var i = 0; i < spec.Samples; i++)
        {
            var moon = i % 2;
            var perMoon = (spec.Samples - moon + 1) / 2;
            var theta = perMoon > 1 ? Math.PI * (i / 2) / (perMoon - 1) : 0.0;
            var x = moon == 0 ? Math.Cos(theta) : 1 - Math.Cos(theta);
            var y = moon == 0 ? Math.Sin(theta) : 0.5 - Math.Sin(theta);
            row[0] = (float)(x + (spec.Noise * random.NextGaussian()));
            row[1] = (float)(y + (spec.Noise * random.NextGaussian()));
            table.Add(row, moon);
        }

        var name = string.Create(
            CultureInfo.InvariantCulture, $"moons ({spec.Samples} samples, noise {spec.Noise}, seed {spec.Seed})");
        return DatasetPreparation.Prepare(
            name, table, DatasetPreparation.IndexClassNames(2), DatasetPreparation.IndexFeatureNames(2), spec);
    }
}
