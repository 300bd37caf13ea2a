// Marks a symbol-version requirement of an ELF64 shared library as weak (VER_FLG_WEAK), so that the
// dynamic loader accepts the library when the system lacks that version. See LibTorchSharpCompat.targets.
//
// This file is compiled twice:
//   * by MSBuild's RoslynCodeTaskFactory, as the inline task of LibTorchSharpCompat.targets. That factory
//     takes exactly one source file (<Code Source="..."/>), compiles it against netstandard 2.0 and defines
//     no preprocessor symbols, so the MSBuild wrapper at the end of this file is compiled there only;
//   * into the tests as a linked file. SDK projects for .NET 5+ define NET, which leaves out the wrapper:
//     the logic stays free of MSBuild types and testable on its own.
// Keep the code within netstandard 2.0 (no Span, no ArgumentNullException.ThrowIfNull) and warning-free.
#nullable enable

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
#if !NET
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace HyperTune.Build;

/// <summary>What <see cref="ElfVersionPatcher.MarkVersionWeak(string, string)"/> found and did.</summary>
public enum ElfPatchResult
{
    /// <summary>The file does not start with the ELF magic number. It was not changed.</summary>
    NotElf,

    /// <summary>The file requires no symbol version of that name. It was not changed.</summary>
    NotFound,

    /// <summary>Every requirement of that version was already weak. The file was not changed.</summary>
    AlreadyWeak,

    /// <summary>The weak flag was set on the requirement(s) of that version.</summary>
    Patched,
}

/// <summary>
/// Reads and sets the weak flag of symbol-version requirements (the <c>Vernaux</c> entries of
/// <c>SHT_GNU_verneed</c> sections) of ELF64 little-endian files, without any dependency.
/// </summary>
/// <remarks>
/// A weak version requirement that the system cannot satisfy is accepted by the dynamic loader
/// instead of failing the load. Only the two bytes of <c>vna_flags</c> are written, in place.
/// </remarks>
public static class ElfVersionPatcher
{
    /// <summary>The <c>VER_FLG_WEAK</c> bit of <c>vna_flags</c>.</summary>
    public const ushort WeakFlag = 0x2;

    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const int ElfHeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;
    private const byte ElfClass32 = 1;
    private const byte ElfClass64 = 2;
    private const byte ElfDataLsb = 1;
    private const byte ElfDataMsb = 2;

    /// <summary>Sets the weak flag on every requirement of <paramref name="versionName"/> in the file.</summary>
    /// <param name="path">The ELF file to patch in place.</param>
    /// <param name="versionName">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
    /// <returns>What was found and done. The file is opened for writing only when it is <see cref="ElfPatchResult.Patched"/>.</returns>
    /// <exception cref="InvalidDataException">The file has the ELF magic number but is truncated or malformed.</exception>
    /// <exception cref="NotSupportedException">The file is a 32-bit or big-endian ELF file.</exception>
    public static ElfPatchResult MarkVersionWeak(string path, string versionName) =>
        MarkVersionWeak(path, versionName, preserveLastWriteTime: false);

    /// <summary>Sets the weak flag on every requirement of <paramref name="versionName"/> in the file.</summary>
    /// <param name="path">The ELF file to patch in place.</param>
    /// <param name="versionName">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
    /// <param name="preserveLastWriteTime">
    /// When the file is patched, restore its last write time afterwards, so that an incremental copy
    /// (which compares size and time with the source) sees it as up to date and does not copy it again.
    /// </param>
    /// <returns>What was found and done. The file is opened for writing only when it is <see cref="ElfPatchResult.Patched"/>.</returns>
    /// <exception cref="InvalidDataException">The file has the ELF magic number but is truncated or malformed.</exception>
    /// <exception cref="NotSupportedException">The file is a 32-bit or big-endian ELF file.</exception>
    public static ElfPatchResult MarkVersionWeak(string path, string versionName, bool preserveLastWriteTime)
    {
        var name = EncodeVersionName(path, versionName);
        using (var reader = OpenForReading(path))
        {
            if (Classify(FindRequirements(reader, path, name)) is { } unchanged)
            {
                return unchanged;
            }
        }

        var lastWriteTimeUtc = File.GetLastWriteTimeUtc(path);
        using (var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
        {
            // Look again through the writable handle: the file may have changed since it was read.
            var found = FindRequirements(writer, path, name);
            if (found is null)
            {
                return ElfPatchResult.NotElf;
            }

            if (Classify(found) is { } changedMeanwhile)
            {
                return changedMeanwhile;
            }

            var buffer = new byte[2];
            foreach (var requirement in found)
            {
                if ((requirement.Flags & WeakFlag) != 0)
                {
                    continue;
                }

                var flags = (ushort)(requirement.Flags | WeakFlag);
                buffer[0] = (byte)flags;
                buffer[1] = (byte)(flags >> 8);
                writer.Seek(requirement.FlagsOffset, SeekOrigin.Begin);
                writer.Write(buffer, 0, buffer.Length);
            }
        }

        if (preserveLastWriteTime)
        {
            File.SetLastWriteTimeUtc(path, lastWriteTimeUtc);
        }

        return ElfPatchResult.Patched;
    }

    /// <summary>Tells whether the file's requirement of <paramref name="versionName"/> is weak, without changing the file.</summary>
    /// <param name="path">The ELF file to read.</param>
    /// <param name="versionName">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
    /// <returns>
    /// <see langword="true"/> when every requirement of that version is weak, <see langword="false"/> when one is not,
    /// and <see langword="null"/> when the file is not an ELF file or does not require that version.
    /// </returns>
    /// <exception cref="InvalidDataException">The file has the ELF magic number but is truncated or malformed.</exception>
    /// <exception cref="NotSupportedException">The file is a 32-bit or big-endian ELF file.</exception>
    public static bool? IsVersionWeak(string path, string versionName)
    {
        var name = EncodeVersionName(path, versionName);
        using var reader = OpenForReading(path);
        var found = FindRequirements(reader, path, name);
        return found is null || found.Count == 0 ? null : AllWeak(found);
    }

    private static FileStream OpenForReading(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private static byte[] EncodeVersionName(string path, string versionName)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A file path is required.", nameof(path));
        }

        if (string.IsNullOrEmpty(versionName))
        {
            throw new ArgumentException("A version name is required.", nameof(versionName));
        }

        return Encoding.UTF8.GetBytes(versionName);
    }

    /// <summary>The result for a file that needs no change, or <see langword="null"/> when a requirement is to be made weak.</summary>
    private static ElfPatchResult? Classify(List<VersionFlags>? found)
    {
        if (found is null)
        {
            return ElfPatchResult.NotElf;
        }

        if (found.Count == 0)
        {
            return ElfPatchResult.NotFound;
        }

        return AllWeak(found) ? ElfPatchResult.AlreadyWeak : null;
    }

    private static bool AllWeak(List<VersionFlags> found)
    {
        foreach (var requirement in found)
        {
            if ((requirement.Flags & WeakFlag) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Finds the <c>vna_flags</c> of every <c>Vernaux</c> entry named <paramref name="name"/>; <see langword="null"/> when not ELF.</summary>
    private static List<VersionFlags>? FindRequirements(FileStream file, string path, byte[] name)
    {
        var length = file.Length;
        if (length < 4)
        {
            return null;
        }

        var header = Read(file, path, 0, (int)Math.Min(ElfHeaderSize, length), "the ELF header");
        if (header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
        {
            return null;
        }

        if (header.Length < ElfHeaderSize)
        {
            throw Malformed(path, $"the ELF header needs {ElfHeaderSize} bytes but the file has only {length} bytes; it is truncated or corrupt");
        }

        switch (header[4])
        {
            case ElfClass64:
                break;
            case ElfClass32:
                throw new NotSupportedException($"'{path}' is a 32-bit ELF file; only ELF64 is supported.");
            default:
                throw Malformed(path, $"unknown ELF class {header[4]}");
        }

        switch (header[5])
        {
            case ElfDataLsb:
                break;
            case ElfDataMsb:
                throw new NotSupportedException($"'{path}' is a big-endian ELF file; only little-endian is supported.");
            default:
                throw Malformed(path, $"unknown ELF data encoding {header[5]}");
        }

        var found = new List<VersionFlags>();
        var sectionHeaderOffset = ReadUInt64(header, 0x28);
        var sectionHeaderSize = ReadUInt16(header, 0x3A);
        ulong sectionCount = ReadUInt16(header, 0x3C);
        if (sectionHeaderOffset == 0)
        {
            return found;
        }

        if (sectionHeaderSize != SectionHeaderSize)
        {
            throw Malformed(path, $"section headers are {sectionHeaderSize} bytes instead of {SectionHeaderSize}");
        }

        if (sectionCount == 0)
        {
            // Extended numbering: the real count is in the sh_size of section 0.
            var first = Read(file, path, sectionHeaderOffset, SectionHeaderSize, "section header 0");
            sectionCount = ReadUInt64(first, 32);
        }

        if (sectionCount > (ulong)length / SectionHeaderSize)
        {
            throw Malformed(path, $"{sectionCount} section headers cannot fit in a file of 0x{length:x} bytes; the file is truncated or corrupt");
        }

        CheckRange(path, length, sectionHeaderOffset, sectionCount * SectionHeaderSize, "the section header table");
        var sections = Read(file, path, sectionHeaderOffset, (int)(sectionCount * SectionHeaderSize), "the section header table");
        for (var index = 0; index < (int)sectionCount; index++)
        {
            var at = index * SectionHeaderSize;
            if (ReadUInt32(sections, at + 4) != ShtGnuVerneed)
            {
                continue;
            }

            var offset = ReadUInt64(sections, at + 24);
            var size = ReadUInt64(sections, at + 32);
            var link = ReadUInt32(sections, at + 40);
            CheckRange(path, length, offset, size, $"version-needs section {index}");
            if (link == 0 || link >= sectionCount)
            {
                throw Malformed(path, $"version-needs section {index} links to string table {link}, which does not exist");
            }

            var stringsAt = (int)link * SectionHeaderSize;
            var stringsOffset = ReadUInt64(sections, stringsAt + 24);
            var stringsSize = ReadUInt64(sections, stringsAt + 32);
            CheckRange(path, length, stringsOffset, stringsSize, $"string table {link}");

            var needs = Read(file, path, offset, (int)size, $"version-needs section {index}");
            WalkVerneed(file, path, needs, offset, stringsOffset, stringsSize, name, found);
        }

        return found;
    }

    private static void WalkVerneed(
        FileStream file, string path, byte[] needs, ulong sectionOffset, ulong stringsOffset, ulong stringsSize, byte[] name, List<VersionFlags> found)
    {
        // Offsets only grow (vn_next, vn_aux and vna_next are unsigned), so the bound checks end every loop.
        ulong entry = 0;
        while (true)
        {
            if (entry + VerneedSize > (ulong)needs.Length)
            {
                throw Malformed(path, $"a Verneed entry at 0x{sectionOffset + entry:x} runs past the end of its section");
            }

            var count = ReadUInt16(needs, (int)entry + 2);
            var aux = entry + ReadUInt32(needs, (int)entry + 8);
            var next = ReadUInt32(needs, (int)entry + 12);
            for (var i = 0; i < count; i++)
            {
                if (aux + VernauxSize > (ulong)needs.Length)
                {
                    throw Malformed(path, $"a Vernaux entry at 0x{sectionOffset + aux:x} runs past the end of its section");
                }

                var flags = ReadUInt16(needs, (int)aux + 4);
                var nameOffset = ReadUInt32(needs, (int)aux + 8);
                if (NameEquals(file, path, stringsOffset, stringsSize, nameOffset, name))
                {
                    found.Add(new VersionFlags((long)(sectionOffset + aux + 4), flags));
                }

                var auxNext = ReadUInt32(needs, (int)aux + 12);
                if (auxNext == 0)
                {
                    break;
                }

                aux += auxNext;
            }

            if (next == 0)
            {
                return;
            }

            entry += next;
        }
    }

    private static bool NameEquals(FileStream file, string path, ulong stringsOffset, ulong stringsSize, uint nameOffset, byte[] name)
    {
        if (nameOffset >= stringsSize)
        {
            throw Malformed(path, $"a version name at 0x{nameOffset:x} lies outside its string table of 0x{stringsSize:x} bytes");
        }

        // The name plus its terminating NUL; a shorter rest of the table cannot hold it.
        var needed = (ulong)name.Length + 1;
        if (stringsSize - nameOffset < needed)
        {
            return false;
        }

        var candidate = Read(file, path, stringsOffset + nameOffset, (int)needed, "a version name");
        for (var i = 0; i < name.Length; i++)
        {
            if (candidate[i] != name[i])
            {
                return false;
            }
        }

        return candidate[name.Length] == 0;
    }

    private static void CheckRange(string path, long length, ulong offset, ulong size, string what)
    {
        if (offset > (ulong)length || size > (ulong)length - offset || size > int.MaxValue)
        {
            throw Malformed(path, $"{what} (0x{size:x} bytes at 0x{offset:x}) runs past the end of the file (0x{length:x} bytes); the file is truncated or corrupt");
        }
    }

    private static byte[] Read(FileStream file, string path, ulong offset, int count, string what)
    {
        var buffer = new byte[count];
        file.Seek((long)offset, SeekOrigin.Begin);
        var total = 0;
        while (total < count)
        {
            var read = file.Read(buffer, total, count - total);
            if (read == 0)
            {
                throw Malformed(path, $"{what} (0x{count:x} bytes at 0x{offset:x}) runs past the end of the file; the file is truncated or corrupt");
            }

            total += read;
        }

        return buffer;
    }

    private static InvalidDataException Malformed(string path, string reason) =>
        new InvalidDataException($"'{path}' is not a valid ELF64 file: {reason}.");

    private static ushort ReadUInt16(byte[] data, int at) => (ushort)(data[at] | (data[at + 1] << 8));

    private static uint ReadUInt32(byte[] data, int at) =>
        (uint)(data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24));

    private static ulong ReadUInt64(byte[] data, int at) => ReadUInt32(data, at) | ((ulong)ReadUInt32(data, at + 4) << 32);

    /// <summary>Where a <c>vna_flags</c> field lies in the file and what it holds.</summary>
    private readonly struct VersionFlags
    {
        public VersionFlags(long flagsOffset, ushort flags)
        {
            FlagsOffset = flagsOffset;
            Flags = flags;
        }

        public long FlagsOffset { get; }

        public ushort Flags { get; }
    }
}

#if !NET
/// <summary>
/// MSBuild task: marks <see cref="VersionName"/> weak in each of <see cref="Files"/>, logging one line per file.
/// A file that is not ELF, or that cannot be read or written, is an error (HTB001, HTB002).
/// </summary>
public sealed class MarkElfVersionWeak : Microsoft.Build.Utilities.Task
{
    /// <summary>Gets or sets the ELF files to patch in place.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Gets or sets the version name to mark weak, e.g. <c>GLIBCXX_3.4.32</c>.</summary>
    [Required]
    public string VersionName { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets a value indicating whether a file may be a hard link (e.g. into the NuGet package cache);
    /// before patching, such a file is replaced by a private copy. Symbolic links are always replaced.
    /// </summary>
    public bool BreakLinks { get; set; }

    /// <inheritdoc/>
    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                if ((BreakLinks || IsSymbolicLink(path)) && ElfVersionPatcher.IsVersionWeak(path, VersionName) == false)
                {
                    ReplaceWithPrivateCopy(path);
                }

                var result = ElfVersionPatcher.MarkVersionWeak(path, VersionName, preserveLastWriteTime: true);
                switch (result)
                {
                    case ElfPatchResult.Patched:
                        Log.LogMessage(MessageImportance.Normal, $"HyperTune: marked {VersionName} weak in {path}.");
                        break;
                    case ElfPatchResult.AlreadyWeak:
                        Log.LogMessage(MessageImportance.Low, $"HyperTune: {VersionName} is already weak in {path}.");
                        break;
                    case ElfPatchResult.NotFound:
                        Log.LogMessage(MessageImportance.Low, $"HyperTune: {path} does not require {VersionName}; nothing to patch.");
                        break;
                    default:
                        Log.LogError(string.Empty, "HTB001", string.Empty, path, 0, 0, 0, 0, $"HyperTune: {path} is not an ELF file, so {VersionName} cannot be marked weak in it.");
                        break;
                }
            }
            catch (Exception exception) when (exception is IOException || exception is InvalidDataException || exception is UnauthorizedAccessException || exception is NotSupportedException)
            {
                Log.LogError(string.Empty, "HTB002", string.Empty, path, 0, 0, 0, 0, $"HyperTune: could not mark {VersionName} weak: {exception.Message}");
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static bool IsSymbolicLink(string path) => (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;

    /// <summary>Replaces a (hard or symbolic) link by a copy of its content, so that patching cannot reach the link's target.</summary>
    private static void ReplaceWithPrivateCopy(string path)
    {
        var lastWriteTimeUtc = File.GetLastWriteTimeUtc(path);
        var copy = path + ".hypertune-copy";
        File.Copy(path, copy, overwrite: true);
        File.SetLastWriteTimeUtc(copy, lastWriteTimeUtc);
        File.Delete(path);
        File.Move(copy, path);
    }
}
#endif
