namespace HyperTune.Training.Datasets;

/// <summary>The rows of one CSV file, read by <see cref="CsvTableReader"/>.</summary>
/// <param name="Header">Every column name, in file order.</param>
/// <param name="LabelIndex">The 0-based index of the label column in <paramref name="Header"/>.</param>
/// <param name="FeatureNames">The names of the feature columns (every column but the label), in file order.</param>
/// <param name="Rows">The kept rows; missing feature values are NaN.</param>
/// <param name="DroppedRows">Rows skipped for an empty cell (policy DropRow).</param>
internal sealed record CsvTable(
    IReadOnlyList<string> Header, int LabelIndex, IReadOnlyList<string> FeatureNames, SampleTable Rows, int DroppedRows);
