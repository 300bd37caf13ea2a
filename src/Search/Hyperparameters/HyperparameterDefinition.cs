namespace HyperTune.Search.Hyperparameters;

/// <summary>
/// One hyperparameter the training engine understands: its name, type, default and legal range.
/// </summary>
/// <param name="Name">The snake_case name used in study specs and trial configs.</param>
/// <param name="Kind">The value type.</param>
/// <param name="Default">The value used when a config does not give one (a double, long, string or bool).</param>
/// <param name="Min">The smallest legal value of a number, or null when unbounded.</param>
/// <param name="Max">The largest legal value of a number, or null when unbounded.</param>
/// <param name="MinExclusive">True when <paramref name="Min"/> itself is not legal.</param>
/// <param name="Choices">The legal names of a <see cref="HyperparameterKind.Choice"/>.</param>
/// <param name="Description">What the hyperparameter does.</param>
public sealed record HyperparameterDefinition(
    string Name,
    HyperparameterKind Kind,
    object Default,
    double? Min,
    double? Max,
    bool MinExclusive,
    IReadOnlyList<string> Choices,
    string Description)
{
    /// <summary>Checks a value against the kind and range; returns an error message or null when the value is legal.</summary>
    public string? Check(object value)
    {
        switch (Kind)
        {
            case HyperparameterKind.Choice:
                return value is string s && Choices.Contains(s, StringComparer.Ordinal)
                    ? null
                    : $"must be one of {string.Join(", ", Choices)}, not '{Specs.SpecText.Shorten(value)}'";
            case HyperparameterKind.Bool:
                return value is bool ? null : $"must be true or false, not '{Specs.SpecText.Shorten(value)}'";
            case HyperparameterKind.Int:
                if (!TryGetNumber(value, out var i) || i != Math.Floor(i))
                {
                    return $"must be a whole number, not '{Specs.SpecText.Shorten(value)}'";
                }

                return CheckRange(i);
            default:
                return TryGetNumber(value, out var d) ? CheckRange(d) : $"must be a number, not '{Specs.SpecText.Shorten(value)}'";
        }
    }

    private string? CheckRange(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "must be a finite number";
        }

        if (Min is { } min && (MinExclusive ? value <= min : value < min))
        {
            return MinExclusive ? $"must be greater than {min}, not {value}" : $"must be at least {min}, not {value}";
        }

        return Max is { } max && value > max ? $"must be at most {max}, not {value}" : null;
    }

    /// <summary>Reads a number of any CLR numeric type as a double.</summary>
    public static bool TryGetNumber(object value, out double number)
    {
        switch (value)
        {
            case double d: number = d; return true;
            case float f: number = f; return true;
            case long l: number = l; return true;
            case int i: number = i; return true;
            case decimal m: number = (double)m; return true;
            default: number = 0; return false;
        }
    }
}
