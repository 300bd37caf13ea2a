using System.Runtime.CompilerServices;

namespace HyperTune.Storage.Studies;

/// <summary>Conveniences over <see cref="IStudyStore"/>.</summary>
public static class StudyStoreExtensions
{
    /// <summary>Every existing study id in the order they were first written, read a page of <paramref name="pageSize"/> at a time.</summary>
    public static async IAsyncEnumerable<string> ListAllAsync(
        this IStudyStore store,
        int pageSize = StudyRecords.DefaultListLimit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        StudyRecords.ValidateList(null, pageSize);
        string? after = null;
        while (true)
        {
            var page = await store.ListAsync(after, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var studyId in page)
            {
                yield return studyId;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1];
        }
    }
}
