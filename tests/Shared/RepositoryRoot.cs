namespace HyperTune.Testing;

/// <summary>Finds the repository's root (the folder holding HyperTune.sln) from a test's output folder.</summary>
internal static class RepositoryRoot
{
    /// <summary>The root's full path.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "HyperTune.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (HyperTune.sln) was not found.");
    }
}
