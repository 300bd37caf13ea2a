using System.Text;

namespace HyperTune.Training.Tests.Datasets;

/// <summary>A fresh directory under the system temp folder for one test; deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public TempDirectory()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "hypertune-datasets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    /// <summary>The directory's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>
    /// Writes a UTF-8 text file (no BOM) into the directory and returns its name relative to the directory, as a spec
    /// names a file of the data directory.
    /// </summary>
    public string Write(string fileName, string text)
    {
        File.WriteAllText(FullPathOf(fileName), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return fileName;
    }

    /// <summary>The absolute path of <paramref name="fileName"/> in the directory.</summary>
    public string FullPathOf(string fileName) => Path.Combine(FullPath, fileName);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(FullPath))
        {
            Directory.Delete(FullPath, recursive: true);
        }
    }
}
