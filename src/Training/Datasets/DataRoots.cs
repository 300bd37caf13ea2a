using HyperTune.Search.Specs.Validation;
using Mono.Unix;

namespace HyperTune.Training.Datasets;

/// <summary>
/// The folders a silo reads dataset files from — its data directory, then any extra roots — and the only way dataset
/// files are opened. A path from a spec must pass <see cref="DatasetPathRules"/> (relative, no <c>..</c>, no hidden
/// parts); it is looked up in each root in turn, every symbolic link on the way resolved, and it is opened only when the
/// file it finally names is a regular file inside one of the roots (never <c>/proc</c>, <c>/sys</c> or <c>/dev</c>). On
/// Linux the opened handle is checked again, so a link swapped in between is caught. Every refusal is a
/// <see cref="DatasetFormatException"/> that names the path as the user wrote it and never the server's folders.
/// </summary>
public sealed class DataRoots
{
    /// <summary>The most symbolic links followed while resolving one path (as Linux's own limit).</summary>
    public const int MaxLinks = 40;

    private static readonly string[] SystemFolders = ["/proc", "/sys", "/dev"];

    /// <summary>Creates the roots; each is resolved to its real path once, here.</summary>
    /// <param name="dataDirectory">The data directory; relative paths are looked up here first.</param>
    /// <param name="extraRoots">More folders to look in, in order.</param>
    public DataRoots(string dataDirectory, IEnumerable<string>? extraRoots = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Roots = [.. new[] { dataDirectory }.Concat(extraRoots ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => RealPath(Path.GetFullPath(r)))];
    }

    /// <summary>The roots in the current directory only.</summary>
    public static DataRoots CurrentDirectory => new(Directory.GetCurrentDirectory());

    /// <summary>The roots as real, absolute paths (never shown to users).</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>
    /// The real path of the regular file <paramref name="path"/> names inside a root.
    /// </summary>
    /// <param name="path">The path as the spec gives it.</param>
    /// <exception cref="DatasetFormatException">The path is not allowed, leaves the roots, is missing or is not a regular file.</exception>
    public string Resolve(string path)
    {
        if (DatasetPathRules.Check(path) is { } problem)
        {
            throw Refused(path, "the path " + problem);
        }

        var leaves = false;
        foreach (var root in Roots)
        {
            string real;
            try
            {
                real = RealPath(Path.Join(root, path));
            }
            catch (IOException)
            {
                throw Refused(path, $"the path has more than {MaxLinks} symbolic links in a row");
            }

            if (!IsInsideAnyRoot(real))
            {
                leaves = true;
                continue;
            }

            if (Directory.Exists(real))
            {
                throw Refused(path, "it is a folder, not a file");
            }

            if (!File.Exists(real))
            {
                continue;
            }

            if (!IsRegularFile(real))
            {
                throw Refused(path, "it is not a regular file (a device, pipe or socket is never read)");
            }

            return real;
        }

        throw Refused(
            path,
            leaves
                ? "it leads out of the data directory of the silo (through a symbolic link); only files inside it are read"
                : "the file does not exist in the data directory of the silo");
    }

    /// <summary>Opens <paramref name="path"/> for reading after <see cref="Resolve"/> allowed it.</summary>
    /// <exception cref="DatasetFormatException">As <see cref="Resolve"/>, or the file cannot be opened.</exception>
    public FileStream Open(string path, int bufferSize)
    {
        var real = Resolve(path);
        FileStream stream;
        try
        {
            stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused(path, DescribeFailure(e));
        }

        if (OperatingSystem.IsLinux() && OpenedPath(stream) is { } opened && !string.Equals(opened, real, StringComparison.Ordinal))
        {
            stream.Dispose();
            throw Refused(path, "the file changed while it was opened");
        }

        return stream;
    }

    /// <summary>What went wrong reading a file, without the path (exception messages name absolute paths).</summary>
    public static string DescribeFailure(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "the file does not exist in the data directory of the silo",
        UnauthorizedAccessException => "the silo is not allowed to read it",
        _ => "the file cannot be read (an input/output error)",
    };

    /// <summary>
    /// <paramref name="path"/> (absolute) with every symbolic link resolved, <c>..</c> taken physically; the parts that do
    /// not exist are kept as they are.
    /// </summary>
    /// <exception cref="IOException">More than <see cref="MaxLinks"/> links were followed.</exception>
    internal static string RealPath(string path)
    {
        var root = Path.GetPathRoot(path) ?? "/";
        var resolved = root;
        var parts = new List<string>(Parts(path[root.Length..]));
        var links = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }

            var candidate = Path.Join(resolved, part);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                resolved = candidate;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException("Too many levels of symbolic links.");
            }

            // Go on from the link's folder (or the root, for an absolute target) with the target's parts, then the rest.
            if (Path.IsPathRooted(target))
            {
                resolved = Path.GetPathRoot(target) ?? root;
            }

            parts = [.. Parts(target), .. parts.Skip(i + 1)];
            i = -1;
        }

        return resolved;
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != ".");

    private bool IsInsideAnyRoot(string real) =>
        !SystemFolders.Any(folder => IsInside(real, folder)) && Roots.Any(root => IsInside(real, root));

    private static bool IsInside(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length;
    }

    private static bool IsRegularFile(string real)
    {
        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(real) & (FileAttributes.Device | FileAttributes.Directory | FileAttributes.ReparsePoint)) == 0;
        }

        try
        {
            return UnixFileSystemInfo.GetFileSystemEntry(real).IsRegularFile;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string? OpenedPath(FileStream stream)
    {
        try
        {
            return new FileInfo("/proc/self/fd/" + stream.SafeFileHandle.DangerousGetHandle().ToInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static DatasetFormatException Refused(string path, string detail) => new(path, null, null, null, detail);
}
