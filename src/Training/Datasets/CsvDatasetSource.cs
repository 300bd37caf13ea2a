using System.Globalization;
using System.IO.Compression;
using System.Text;
using HyperTune.Search;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>
/// Loads a user's CSV file (<see cref="DatasetKinds.Csv"/>): a header row, the label column named by
/// <see cref="DatasetSpec.LabelColumn"/>, every other column a numeric feature. Classification labels (text or
/// numbers) become class indices, ordered numerically when every label is a number and by string otherwise, and
/// <see cref="PreparedDataset.ClassNames"/> keeps their original text. Validation rows come from
/// <see cref="DatasetSpec.ValidationPath"/> when it is set, otherwise from a seeded stratified split. Files ending in
/// <c>.gz</c> are decompressed. Files are found and opened only through the silo's <see cref="DataRoots"/> (relative
/// paths, regular files inside the roots), at most <see cref="MaxBytes"/> bytes are read from each (after
/// decompression), and lines are streamed: the text is never held whole. Errors name files as the spec does.
/// </summary>
public sealed class CsvDatasetSource : IDatasetSource
{
    /// <summary>The most bytes read from one file by default: 1 GiB (<c>HyperTune:Limits:MaxDatasetBytes</c>).</summary>
    public const long DefaultMaxBytes = 1L << 30;

    private const int BufferSize = 1 << 16;

    private readonly DataRoots _roots;

    /// <summary>Creates the source.</summary>
    /// <param name="roots">Where files are looked up; null for the current directory alone.</param>
    /// <param name="maxBytes">The most bytes read from one file, after decompression.</param>
    public CsvDatasetSource(DataRoots? roots = null, long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        _roots = roots ?? DataRoots.CurrentDirectory;
        MaxBytes = maxBytes;
    }

    /// <summary>Creates a source reading files of one data directory.</summary>
    public CsvDatasetSource(string dataDirectory)
        : this(new DataRoots(dataDirectory))
    {
    }

    /// <summary>The most bytes read from one file, after decompression.</summary>
    public long MaxBytes { get; }

    /// <inheritdoc />
    public string Kind => DatasetKinds.Csv;

    /// <inheritdoc />
    public PreparedDataset Load(DatasetSpec spec, CancellationToken cancellationToken)
    {
        SpecChecks.Kind(this, spec);
        if (string.IsNullOrWhiteSpace(spec.Path))
        {
            throw new ArgumentException("A csv dataset needs Path, the file to read.", nameof(spec));
        }

        if (string.IsNullOrWhiteSpace(spec.LabelColumn))
        {
            throw new ArgumentException("A csv dataset needs LabelColumn, the header name of the label column.", nameof(spec));
        }

        var separateValidation = !string.IsNullOrWhiteSpace(spec.ValidationPath);
        if (!separateValidation)
        {
            SpecChecks.ValidationFraction(spec);
        }

        var task = spec.Task ?? TaskKind.Classification;
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var trainFile = ReadFile(
            spec.Path, new CsvTableReader(spec.Path, spec.LabelColumn, task, spec.MissingValues, labelIds), cancellationToken);

        string[] classNames = [];
        if (task == TaskKind.Classification)
        {
            classNames = OrderClasses(trainFile, labelIds, spec.Path);
        }

        DatasetSplit train;
        DatasetSplit validation;
        var dropped = trainFile.DroppedRows;
        if (separateValidation)
        {
            var validationFile = ReadFile(
                spec.ValidationPath!,
                new CsvTableReader(
                    spec.ValidationPath!, spec.LabelColumn, task, spec.MissingValues, labelIds, trainFile.Header, spec.Path),
                cancellationToken);
            dropped += validationFile.DroppedRows;
            train = trainFile.Rows.GatherAll();
            validation = validationFile.Rows.GatherAll();
        }
        else
        {
            (train, validation) = Split(trainFile, spec);
        }

        var filled = 0;
        if (spec.MissingValues == MissingValuePolicy.FillMean)
        {
            filled = MissingValueFiller.FillWithTrainingMeans(
                train,
                validation,
                feature => new DatasetFormatException(
                    spec.Path,
                    null,
                    ColumnOfFeature(trainFile, feature) + 1,
                    trainFile.FeatureNames[feature],
                    "the column has no value in the training rows, so there is no mean to fill its empty cells with"));
        }

        return DatasetPreparation.Assemble(
            Describe(spec), train, validation, classNames, trainFile.FeatureNames, spec.Standardize, dropped, filled);
    }

    private CsvTable ReadFile(string path, CsvTableReader reader, CancellationToken cancellationToken)
    {
        using var stream = _roots.Open(path, BufferSize);
        try
        {
            if (stream.Length > MaxBytes)
            {
                throw TooLarge(path);
            }

            using var decompressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true)
                : null;
            using var limited = new ReadLimitStream((Stream?)decompressed ?? stream, MaxBytes, () => TooLarge(path));
            using var text = new StreamReader(limited, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
            return reader.Read(text, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new DatasetFormatException(path, null, null, null, "the file cannot be read: it is not valid gzip data", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, null, null, null, DataRoots.DescribeFailure(ex), ex);
        }
    }

    private DatasetFormatException TooLarge(string path) => new(
        path,
        null,
        null,
        null,
        string.Create(CultureInfo.InvariantCulture, $"the file holds more than {MaxBytes:N0} bytes, the most this cluster reads from one file (HyperTune:Limits:MaxDatasetBytes)"));

    private static string[] OrderClasses(CsvTable file, Dictionary<string, int> labelIds, string path)
    {
        if (labelIds.Count < 2)
        {
            var only = labelIds.Keys.Single();
            throw new DatasetFormatException(
                path,
                1,
                file.LabelIndex + 1,
                file.Header[file.LabelIndex],
                $"every row has the label '{only}'; classification needs at least 2 classes");
        }

        return ClassLabelOrdering.AssignClassIndices(file.Rows, labelIds);
    }

    private static (DatasetSplit Train, DatasetSplit Validation) Split(CsvTable file, DatasetSpec spec)
    {
        var rows = file.Rows;
        var indices = DatasetPreparation.Indices(rows, spec);
        if (indices.Validation.Length == 0)
        {
            throw new DatasetFormatException(
                spec.Path!,
                null,
                null,
                null,
                $"{rows.Count} data rows are too few to hold out validation rows (every class needs at least 2 rows)");
        }

        return (rows.Gather(indices.Train), rows.Gather(indices.Validation));
    }

    private static int ColumnOfFeature(CsvTable file, int feature) => feature < file.LabelIndex ? feature : feature + 1;

    private static string Describe(DatasetSpec spec)
    {
        var validation = string.IsNullOrWhiteSpace(spec.ValidationPath)
            ? string.Create(CultureInfo.InvariantCulture, $"seed {spec.Seed}")
            : $"validation {Path.GetFileName(spec.ValidationPath)}";
        return $"csv {Path.GetFileName(spec.Path)} (label '{spec.LabelColumn}', {validation})";
    }
}
