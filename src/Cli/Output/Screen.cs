using Spectre.Console;

namespace HyperTune.Cli.Output;

/// <summary>
/// Where a command writes its answer: Spectre.Console widgets when standard output is a terminal, plain text
/// otherwise (redirected, piped, CI), so that output stays easy to read by scripts and tests.
/// </summary>
internal sealed class Screen(CliEnvironment environment)
{
    private IAnsiConsole? _console;

    public TextWriter Out => environment.Out;

    /// <summary>Standard error: progress that must not mix with the answer on <see cref="Out"/>.</summary>
    public TextWriter Error => environment.Error;

    public bool IsTerminal => environment.OutputIsTerminal;

    /// <summary>The Spectre.Console console over <see cref="Out"/>; interactive only on a terminal.</summary>
    public IAnsiConsole Console => _console ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(environment.Out),
        Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = IsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
    });

    public void WriteLine(string text = "") => Out.WriteLine(text);

    public void Write(TextTable table)
    {
        if (IsTerminal)
        {
            Console.Write(table.ToSpectreTable());
        }
        else
        {
            table.WritePlain(Out);
        }
    }

    public void Write(DetailList details) => details.Write(Out);

    /// <summary>A section title between blocks of a "show" command.</summary>
    public void Heading(string title)
    {
        Out.WriteLine();
        Out.WriteLine(title);
    }
}
