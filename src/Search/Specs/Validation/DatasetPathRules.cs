using System.Globalization;

namespace HyperTune.Search.Specs.Validation;

/// <summary>
/// What a dataset file path in a spec may look like, judged from its text alone (no file system): a relative path
/// inside the silo's data directory, with <c>/</c> between folders. Refused: an empty path, one longer than
/// <see cref="MaxLength"/>, control characters (NUL included), a backslash, an absolute path (<c>/etc/passwd</c>,
/// <c>C:\x</c>, <c>~/x</c>), and any part that starts with a dot but <c>.</c> itself — so <c>..</c> climbing out and hidden
/// files and folders (<c>.hypertune</c>, <c>.git</c>) alike. The silo then resolves the path with the file system
/// (links included) and opens only regular files inside its data roots.
/// </summary>
public static class DatasetPathRules
{
    /// <summary>The longest path accepted, in characters.</summary>
    public const int MaxLength = 1024;

    /// <summary>What is wrong with <paramref name="path"/>, in words a user can act on; null when it is acceptable.</summary>
    public static string? Check(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "is required for a csv dataset";
        }

        if (path.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxLength} characters, not {path.Length:N0}");
        }

        if (path.Any(char.IsControl))
        {
            return "must not contain control characters";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "must separate folders with '/', not '\\'";
        }

        if (path[0] is '/' or '~' || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':'))
        {
            return "must be relative to the data directory of the silos (an absolute path is not read), e.g. \"data/train.csv\"";
        }

        if (path[^1] == '/')
        {
            return "must name a file, not a folder";
        }

        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                return "must stay inside the data directory of the silos: '..' is not allowed";
            }

            if (part.Length > 1 && part[0] == '.')
            {
                return "must not name hidden files or folders (a part starting with '.')";
            }
        }

        return null;
    }
}
