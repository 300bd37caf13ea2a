using System.Globalization;
using HyperTune.Search;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>
/// Synthetic interleaved spirals (<see cref="DatasetKinds.Spirals"/>): <see cref="DatasetSpec.Classes"/> arms in two
/// dimensions, each starting at the origin and winding outward through three quarters of a turn to radius 1, the arms
/// evenly rotated. Row <c>i</c> belongs to arm <c>i mod classes</c>; Gaussian noise of standard deviation
/// <see cref="DatasetSpec.Noise"/> is added to both coordinates. Deterministic for <see cref="DatasetSpec.Seed"/>.
/// </summary>
public sealed class SpiralsDatasetSource : IDatasetSource
{
    private const double ArmSweep = 1.5 * Math.PI;

    /// <inheritdoc />
    public string Kind => DatasetKinds.Spirals;

    /// <inheritdoc />
    public PreparedDataset Load(DatasetSpec spec, CancellationToken cancellationToken)
    {
        SpecChecks.Kind(this, spec);
        SpecChecks.ImpliedTask(spec, TaskKind.Classification);
        SpecChecks.Classes(spec);
        SpecChecks.Samples(spec, 2 * spec.Classes);
        SpecChecks.Noise(spec);
        SpecChecks.ValidationFraction(spec);

        var arms = spec.Classes;
        var random = new Random(spec.Seed);
        var table = new SampleTable(2, TaskKind.Classification, spec.Samples);
        Span<float> row = stackalloc float[2];
        for (var i = 0; i < spec.Samples; i++)
        {
            var arm = i % arms;
            var perArm = (spec.Samples - arm + arms - 1) / arms;
            var t = perArm > 1 ? (double)(i / arms) / (perArm - 1) : 0.0;
            var angle = (2 * Math.PI * arm / arms) + (t * ArmSweep);
            row[0] = (float)((t * Math.Cos(angle)) + (spec.Noise * random.NextGaussian()));
            row[1] = (float)((t * Math.Sin(angle)) + (spec.Noise * random.NextGaussian()));
            table.Add(row, arm);
        }

        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"spirals ({arms} arms, {spec.Samples} samples, noise {spec.Noise}, seed {spec.Seed})");
        return DatasetPreparation.Prepare(
            name, table, DatasetPreparation.IndexClassNames(arms), DatasetPreparation.IndexFeatureNames(2), spec);
    }
}
