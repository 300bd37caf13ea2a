using System.CommandLine;
using System.Globalization;

namespace HyperTune.Cli.Commands;

/// <summary>A required number option read the same way in every culture (<c>0.5</c>, <c>1e-4</c>).</summary>
internal static class NumberOption
{
    public static Option<double> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "NUMBER",
        Required = true,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"'{token}' is not a number for {name}");
            return double.NaN;
        },
    };
}
