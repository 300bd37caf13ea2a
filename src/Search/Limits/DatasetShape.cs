namespace HyperTune.Search.Limits;

/// <summary>The size of a dataset as training sees it: what the model's memory and the data's depend on.</summary>
/// <param name="Features">Input width of the model.</param>
/// <param name="Outputs">Output width: the classes, or 1 for regression.</param>
/// <param name="TrainRows">Rows of the training split.</param>
/// <param name="ValidationRows">Rows of the validation split.</param>
public sealed record DatasetShape(int Features, int Outputs, long TrainRows, long ValidationRows)
{
    /// <summary>
    /// The smallest shape any dataset has (one feature, two classes, no rows): what a check uses when the data has not
    /// been looked at, so a model it refuses is too big for any data.
    /// </summary>
    public static DatasetShape Smallest { get; } = new(1, 2, 0, 0);
}
