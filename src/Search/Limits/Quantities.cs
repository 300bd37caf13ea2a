using System.Globalization;

namespace HyperTune.Search.Limits;

/// <summary>Counts and byte sizes as people read them: <c>30.1 G</c>, <c>6.0 GiB</c>.</summary>
public static class Quantities
{
    private static readonly string[] CountUnits = ["", " k", " M", " G", " T", " P", " E"];
    private static readonly string[] ByteUnits = [" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB"];

    /// <summary>A count with a decimal prefix: <c>950</c>, <c>12.5 k</c>, <c>30.1 G</c>.</summary>
    public static string Count(double count) => Scaled(count, 1000, CountUnits);

    /// <summary>A size in binary units: <c>512 B</c>, <c>6.0 GiB</c>.</summary>
    public static string Bytes(double bytes) => Scaled(bytes, 1024, ByteUnits);

    private static string Scaled(double value, double step, string[] units)
    {
        var unit = 0;
        while (Math.Abs(value) >= step && unit < units.Length - 1)
        {
            value /= step;
            unit++;
        }

        var format = unit == 0 ? "0" : Math.Abs(value) < 100 ? "0.0" : "0";
        return value.ToString(format, CultureInfo.InvariantCulture) + units[unit];
    }
}
