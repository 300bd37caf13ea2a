using System.Buffers.Binary;
using System.Text;
using HyperTune.Build;

namespace HyperTune.Training.Tests.Build;

/// <summary>
/// Tests of <see cref="ElfVersionPatcher"/> (build/ElfVersionPatcher.cs, compiled in as a linked file)
/// on a synthetic ELF64 image, and on the libLibTorchSharp.so that the build copied next to the tests.
/// </summary>
public sealed class ElfVersionPatcherTests : IDisposable
{
    private const string Required = "GLIBCXX_3.4.32";
    private const string AlsoRequired = "GLIBCXX_3.4.30";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ElfVersionPatcherTests-" + Guid.NewGuid().ToString("N"));

    public ElfVersionPatcherTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MarkVersionWeak_RequiredVersion_ReturnsPatchedAndSetsWeakFlag()
    {
        var path = WriteFile(SyntheticElf.Build(), "lib.so");

        var result = ElfVersionPatcher.MarkVersionWeak(path, Required);

        Assert.Equal(ElfPatchResult.Patched, result);
        Assert.Equal(ElfVersionPatcher.WeakFlag, ReadFlags(path, SyntheticElf.RequiredFlagsOffset));
        Assert.True(ElfVersionPatcher.IsVersionWeak(path, Required));
    }

    [Fact]
    public void MarkVersionWeak_RequiredVersion_ChangesOnlyTheFlagOfThatVersion()
    {
        var original = SyntheticElf.Build();
        var path = WriteFile(original, "lib.so");

        ElfVersionPatcher.MarkVersionWeak(path, Required);

        var patched = File.ReadAllBytes(path);
        Assert.Equal(original.Length, patched.Length);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
        Assert.Equal([SyntheticElf.RequiredFlagsOffset], changed);
        Assert.False(ElfVersionPatcher.IsVersionWeak(path, AlsoRequired));
    }

    [Fact]
    public void MarkVersionWeak_SecondCall_ReturnsAlreadyWeakAndLeavesFileUntouched()
    {
        var path = WriteFile(SyntheticElf.Build(), "lib.so");
        ElfVersionPatcher.MarkVersionWeak(path, Required);
        var lastWriteTimeUtc = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, lastWriteTimeUtc);
        var before = File.ReadAllBytes(path);

        var result = ElfVersionPatcher.MarkVersionWeak(path, Required);

        Assert.Equal(ElfPatchResult.AlreadyWeak, result);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(lastWriteTimeUtc, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void MarkVersionWeak_PreserveLastWriteTime_KeepsTimestampOfPatchedFile()
    {
        var path = WriteFile(SyntheticElf.Build(), "lib.so");
        var lastWriteTimeUtc = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, lastWriteTimeUtc);

        var result = ElfVersionPatcher.MarkVersionWeak(path, Required, preserveLastWriteTime: true);

        Assert.Equal(ElfPatchResult.Patched, result);
        Assert.Equal(lastWriteTimeUtc, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void MarkVersionWeak_UnknownVersion_ReturnsNotFoundAndLeavesFileUntouched()
    {
        var original = SyntheticElf.Build();
        var path = WriteFile(original, "lib.so");

        var result = ElfVersionPatcher.MarkVersionWeak(path, "GLIBCXX_3.4.99");

        Assert.Equal(ElfPatchResult.NotFound, result);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Null(ElfVersionPatcher.IsVersionWeak(path, "GLIBCXX_3.4.99"));
    }

    [Fact]
    public void MarkVersionWeak_PrefixOfRequiredVersion_ReturnsNotFound()
    {
        var path = WriteFile(SyntheticElf.Build(), "lib.so");

        var result = ElfVersionPatcher.MarkVersionWeak(path, "GLIBCXX_3.4.3");

        Assert.Equal(ElfPatchResult.NotFound, result);
    }

    [Theory]
    [InlineData("not an ELF file, just text")]
    [InlineData("")]
    [InlineData("\u007fEL")]
    public void MarkVersionWeak_NotElf_ReturnsNotElfAndLeavesFileUntouched(string content)
    {
        var original = Encoding.ASCII.GetBytes(content);
        var path = WriteFile(original, "text.so");

        var result = ElfVersionPatcher.MarkVersionWeak(path, Required);

        Assert.Equal(ElfPatchResult.NotElf, result);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Null(ElfVersionPatcher.IsVersionWeak(path, Required));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(SyntheticElf.SectionHeadersOffset + 10)]
    [InlineData(-1)]
    public void MarkVersionWeak_TruncatedFile_ThrowsInvalidDataNamingTheFile(int length)
    {
        var image = SyntheticElf.Build();
        var path = WriteFile(image[..(length < 0 ? image.Length + length : length)], "truncated.so");

        var exception = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkVersionWeak(path, Required));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkVersionWeak_VerneedChainLeavesSection_ThrowsInvalidDataNamingTheFile()
    {
        var image = SyntheticElf.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(SyntheticElf.VerneedOffset + 12), 0x1000);
        var original = image.ToArray();
        var path = WriteFile(image, "malformed.so");

        var exception = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkVersionWeak(path, Required));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    public void MarkVersionWeak_Elf32OrBigEndian_ThrowsNotSupportedNamingTheFile(int index, byte value)
    {
        var image = SyntheticElf.Build();
        image[index] = value;
        var path = WriteFile(image, "other.so");

        var exception = Assert.Throws<NotSupportedException>(() => ElfVersionPatcher.MarkVersionWeak(path, Required));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkVersionWeak_EmptyVersionName_ThrowsArgumentException()
    {
        var path = WriteFile(SyntheticElf.Build(), "lib.so");

        Assert.Throws<ArgumentException>(() => ElfVersionPatcher.MarkVersionWeak(path, string.Empty));
    }

    [Fact]
    public void IsVersionWeak_LibTorchSharpNextToTests_IsTrueForGlibcxx3432()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Copied by the build: under runtimes/ for a portable build, flat for a RID-specific one.
        var path = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"),
        }.FirstOrDefault(File.Exists);
        Assert.True(path is not null, "libLibTorchSharp.so was not copied next to the tests.");

        var weak = ElfVersionPatcher.IsVersionWeak(path, Required);

        // null would mean that the library no longer requires the version, and the build patch may be dropped.
        Assert.True(weak == true, $"{Required} is {(weak is null ? "not required" : "not weak")} in {path}; see build/LibTorchSharpCompat.targets.");
    }

    private static ushort ReadFlags(string path, int offset) =>
        BinaryPrimitives.ReadUInt16LittleEndian(File.ReadAllBytes(path).AsSpan(offset, 2));

    private string WriteFile(byte[] content, string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>
    /// A minimal ELF64 little-endian image: the header, a .dynstr, a .gnu.version_r that requires
    /// GLIBCXX_3.4.30 and GLIBCXX_3.4.32 from libstdc++.so.6 and GLIBC_2.34 from libc.so.6, and the
    /// section header table (null, .dynstr, .gnu.version_r).
    /// </summary>
    private static class SyntheticElf
    {
        public const int StringsOffset = 0x40;
        public const int VerneedOffset = 0x88;
        public const int VerneedSize = 3 * 16 + 2 * 16;
        public const int SectionHeadersOffset = VerneedOffset + VerneedSize;
        public const int RequiredFlagsOffset = VerneedOffset + 16 + 16 + 4;

        private const string Strings = "\0libstdc++.so.6\0GLIBCXX_3.4.30\0GLIBCXX_3.4.32\0libc.so.6\0GLIBC_2.34\0";

        public static byte[] Build()
        {
            var image = new byte[SectionHeadersOffset + (3 * 64)];
            var span = image.AsSpan();

            // ELF header: magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT; ET_DYN, EM_X86_64.
            "\u007fELF"u8.CopyTo(span);
            image[4] = 2;
            image[5] = 1;
            image[6] = 1;
            BinaryPrimitives.WriteUInt16LittleEndian(span[0x10..], 3);
            BinaryPrimitives.WriteUInt16LittleEndian(span[0x12..], 0x3e);
            BinaryPrimitives.WriteUInt32LittleEndian(span[0x14..], 1);
            BinaryPrimitives.WriteUInt64LittleEndian(span[0x28..], SectionHeadersOffset);
            BinaryPrimitives.WriteUInt16LittleEndian(span[0x34..], 64);
            BinaryPrimitives.WriteUInt16LittleEndian(span[0x3a..], 64);
            BinaryPrimitives.WriteUInt16LittleEndian(span[0x3c..], 3);

            var strings = Encoding.ASCII.GetBytes(Strings);
            strings.CopyTo(span[StringsOffset..]);

            // libstdc++.so.6: GLIBCXX_3.4.30, GLIBCXX_3.4.32; then libc.so.6: GLIBC_2.34.
            WriteVerneed(span[VerneedOffset..], count: 2, file: NameOffset("libstdc++.so.6"), next: 16 + (2 * 16));
            WriteVernaux(span[(VerneedOffset + 16)..], other: 2, name: NameOffset(AlsoRequired), next: 16);
            WriteVernaux(span[(VerneedOffset + 32)..], other: 3, name: NameOffset(Required), next: 0);
            WriteVerneed(span[(VerneedOffset + 48)..], count: 1, file: NameOffset("libc.so.6"), next: 0);
            WriteVernaux(span[(VerneedOffset + 64)..], other: 4, name: NameOffset("GLIBC_2.34"), next: 0);

            WriteSectionHeader(span[(SectionHeadersOffset + 64)..], type: 3, StringsOffset, strings.Length, link: 0, info: 0);
            WriteSectionHeader(span[(SectionHeadersOffset + 128)..], type: 0x6ffffffe, VerneedOffset, VerneedSize, link: 1, info: 2);
            return image;
        }

        private static uint NameOffset(string name) => (uint)Strings.IndexOf("\0" + name + "\0", StringComparison.Ordinal) + 1;

        private static void WriteVerneed(Span<byte> at, ushort count, uint file, uint next)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at, 1);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], count);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], file);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], 16);
            BinaryPrimitives.WriteUInt32LittleEndian(at[12..], next);
        }

        private static void WriteVernaux(Span<byte> at, ushort other, uint name, uint next)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at, 0x0e4b6c2a);
            BinaryPrimitives.WriteUInt16LittleEndian(at[4..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(at[6..], other);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], name);
            BinaryPrimitives.WriteUInt32LittleEndian(at[12..], next);
        }

        private static void WriteSectionHeader(Span<byte> at, uint type, long offset, long size, uint link, uint info)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], type);
            BinaryPrimitives.WriteUInt64LittleEndian(at[8..], 0x2);
            BinaryPrimitives.WriteUInt64LittleEndian(at[16..], (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(at[24..], (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(at[32..], (ulong)size);
            BinaryPrimitives.WriteUInt32LittleEndian(at[40..], link);
            BinaryPrimitives.WriteUInt32LittleEndian(at[44..], info);
            BinaryPrimitives.WriteUInt64LittleEndian(at[48..], 8);
        }
    }
}
