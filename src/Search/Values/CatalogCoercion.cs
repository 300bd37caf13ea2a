using HyperTune.Search.Hyperparameters;

namespace HyperTune.Search.Values;

/// <summary>
/// Gives numbers the type the catalog expects: a whole number written for a float hyperparameter becomes a float
/// (<c>"momentum": 0</c> is 0.0) and a float with no fraction written for an int hyperparameter becomes an int
/// (<c>"batch_size": 64.0</c> is 64). Other values, and names the catalog does not know, are left alone.
/// </summary>
public static class CatalogCoercion
{
    /// <summary>The value as the hyperparameter <paramref name="name"/> expects it, when that is a lossless change.</summary>
    public static ParameterValue Coerce(string name, ParameterValue value)
    {
        if (!HyperparameterCatalog.TryGet(name, out var definition))
        {
            return value;
        }

        return (definition.Kind, value.Kind) switch
        {
            (HyperparameterKind.Float, ParameterValueKind.Int) => ParameterValue.Of((double)value.AsInt64()),
            (HyperparameterKind.Int, ParameterValueKind.Float) when IsWhole(value.AsDouble()) => ParameterValue.Of((long)value.AsDouble()),
            _ => value,
        };
    }

    private static bool IsWhole(double d) => double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18;
}
