using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Api;

/// <summary>Finds studies, trials and range tests by the ids of a request; malformed ids find nothing without asking the cluster.</summary>
internal static class GrainLookup
{
    /// <summary>The study's status, or null when the id is malformed or no study has it.</summary>
    public static async Task<StudySnapshot?> FindStudyAsync(this IGrainFactory grains, string id) =>
        ResourceIds.IsStudyId(id) ? await grains.GetGrain<IStudyGrain>(id).GetStatusAsync() : null;

    /// <summary>The trial's status, or null when the id is malformed or no trial has it.</summary>
    public static async Task<TrialSnapshot?> FindTrialAsync(this IGrainFactory grains, string id) =>
        ResourceIds.IsTrialId(id) ? await grains.GetGrain<ITrialGrain>(id).GetStatusAsync() : null;

    /// <summary>The range test's status, or null when the id is malformed or no test has been started with it.</summary>
    public static async Task<LearningRateRangeTestStatus?> FindRangeTestAsync(this IGrainFactory grains, string id) =>
        ResourceIds.IsRangeTestId(id) ? await grains.GetGrain<ILearningRateRangeTestGrain>(id).GetStatusAsync() : null;
}
