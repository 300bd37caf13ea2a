using System.Globalization;
using HyperTune.Search;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>
/// Synthetic Gaussian blobs (<see cref="DatasetKinds.Blobs"/>): <see cref="DatasetSpec.Classes"/> centres drawn
/// uniformly from [−1, 1]^d, with d = <see cref="DatasetSpec.Features"/> (default 2), and around each an isotropic
/// Gaussian of standard deviation <see cref="DatasetSpec.Noise"/>. Row <c>i</c> is of class <c>i mod classes</c>.
/// Deterministic for <see cref="DatasetSpec.Seed"/>.
/// </summary>
public sealed class BlobsDatasetSource : IDatasetSource
{
    /// <summary>The number of features when the spec gives none.</summary>
    public const int DefaultFeatures = 2;

    /// <inheritdoc />
    public string Kind => DatasetKinds.Blobs;

    /// <inheritdoc />
    public PreparedDataset Load(DatasetSpec spec, CancellationToken cancellationToken)
    {
        SpecChecks.Kind(this, spec);
        SpecChecks.ImpliedTask(spec, TaskKind.Classification);
        SpecChecks.Classes(spec);
        SpecChecks.Samples(spec, 2 * spec.Classes);
        SpecChecks.Noise(spec);
        SpecChecks.ValidationFraction(spec);
        var features = SpecChecks.Features(spec, DefaultFeatures, min: 1);

        var random = new Random(spec.Seed);
        var centres = new double[spec.Classes * features];
        for (var i = 0; i < centres.Length; i++)
        {
            centres[i] = (2 * random.NextDouble()) - 1;
        }

        var table = new SampleTable(features, TaskKind.Classification, spec.Samples);
        var row = new float[features];
        for (var i = 0; i < spec.Samples; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blob = i % spec.Classes;
            for (var j = 0; j < features; j++)
            {
                row[j] = (float)(centres[(blob * features) + j] + (spec.Noise * random.NextGaussian()));
            }

            table.Add(row, blob);
        }

        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"blobs ({spec.Classes} blobs in {features} dimensions, {spec.Samples} samples, noise {spec.Noise}, seed {spec.Seed})");
        return DatasetPreparation.Prepare(
            name, table, DatasetPreparation.IndexClassNames(spec.Classes), DatasetPreparation.IndexFeatureNames(features), spec);
    }
}
