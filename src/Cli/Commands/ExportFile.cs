using HyperTune.Cli.Api;

namespace HyperTune.Cli.Commands;

/// <summary>Writes a downloaded file whole: into a temporary sibling first, moved into place when complete.</summary>
internal static class ExportFile
{
    /// <summary>Copies <paramref name="content"/> to <paramref name="path"/>; returns the full path written.</summary>
    public static async Task<string> WriteAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var partial = fullPath + ".part";
        try
        {
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                try
                {
                    await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpIOException or HttpRequestException)
                {
                    throw new CliException($"the download of '{path}' broke off: {ex.Message}", ExitCodes.Failure, ex);
                }
            }

            File.Move(partial, fullPath, overwrite: true);
            return fullPath;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write '{path}': {ex.Message}", ExitCodes.Failure, ex);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }
}
