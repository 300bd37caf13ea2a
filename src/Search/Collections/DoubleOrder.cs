namespace HyperTune.Search.Collections;

/// <summary>
/// Doubles as <see cref="double.CompareTo(double)"/> orders them (NaN first), except that −0 comes before +0: equal
/// values are then indistinguishable, so the k-th smallest is exactly what sorting a list of the same values gives.
/// </summary>
internal readonly struct DoubleOrder : IOrder<double>
{
    /// <inheritdoc />
    public static int Compare(double a, double b)
    {
        var order = a.CompareTo(b);
        return order != 0 || a != 0 ? order : double.IsNegative(b).CompareTo(double.IsNegative(a));
    }
}
