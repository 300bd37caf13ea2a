using System.Globalization;
using System.IO.Compression;
using System.Text;
using HyperTune.Search;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>
/// The built-in handwritten digits (<see cref="DatasetKinds.Digits"/>): 1,797 images of 8×8 pixels (64 features,
/// values 0–16) in 10 classes, read from the resource embedded in this assembly. Split by
/// <see cref="DatasetSpec.Seed"/> and <see cref="DatasetSpec.ValidationFraction"/>, stratified by digit, and
/// standardized when <see cref="DatasetSpec.Standardize"/> is set.
/// </summary>
public sealed class DigitsDatasetSource : IDatasetSource
{
    /// <summary>The logical name of the embedded gzip CSV (header <c>pixel0..pixel63,digit</c>).</summary>
    public const string ResourceName = "HyperTune.Training.digits.csv.gz";

    private const string LabelColumn = "digit";

    /// <inheritdoc />
    public string Kind => DatasetKinds.Digits;

    /// <inheritdoc />
    public PreparedDataset Load(DatasetSpec spec, CancellationToken cancellationToken)
    {
        SpecChecks.Kind(this, spec);
        SpecChecks.ImpliedTask(spec, TaskKind.Classification);
        SpecChecks.ValidationFraction(spec);

        using var resource = typeof(DigitsDatasetSource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{ResourceName}' is missing from {typeof(DigitsDatasetSource).Assembly.GetName().Name}.");
        using var decompressed = new GZipStream(resource, CompressionMode.Decompress);
        using var text = new StreamReader(decompressed, Encoding.UTF8);
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var file = new CsvTableReader(ResourceName, LabelColumn, TaskKind.Classification, MissingValuePolicy.Error, labelIds)
            .Read(text, cancellationToken);

        var classNames = ClassLabelOrdering.AssignClassIndices(file.Rows, labelIds);
        var name = string.Create(CultureInfo.InvariantCulture, $"digits (seed {spec.Seed})");
        return DatasetPreparation.Prepare(name, file.Rows, classNames, file.FeatureNames, spec);
    }
}
