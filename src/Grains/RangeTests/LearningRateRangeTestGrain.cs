using System.Collections.Immutable;
using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Training;
using HyperTune.Search.RangeTest;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace HyperTune.Grains.RangeTests;

/// <summary>
/// One learning-rate range test. It runs on a thread of its own (through the silo's <see cref="TrialTrainer"/>), never
/// in a grain turn: the grain answers status queries with the points so far while it ramps, stores the result when it
/// ends and tells the study it belongs to, if any. A test whose silo stopped while it ran reads back as failed and
/// <see cref="LearningRateRangeTestStatus.Interrupted"/>, and may be started again.
/// </summary>
public sealed class LearningRateRangeTestGrain(
    [PersistentState("lr-range-test", GrainStorageNames.Default)] IPersistentState<LearningRateRangeTestGrainState> state,
    TrialTrainer trainer,
    ILocalSiloDetails silo,
    TimeProvider time,
    ILogger<LearningRateRangeTestGrain> logger) : Grain, ILearningRateRangeTestGrain
{
    private readonly Lock _gate = new();
    private readonly List<RangeTestPoint> _points = [];
    private CancellationTokenSource? _run;
    private IGrainTimer? _keepAlive;

    /// <summary>How often a running test tells Orleans it is in use, so it is never collected while it ramps.</summary>
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    private LearningRateRangeTestGrainState S => state.State;

    private string TestId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Status is { State: RangeTestState.Running } stale)
        {
            // Stored as running, but no activation runs it any more: its silo stopped (or this grain was collected).
            S.Status = stale with
            {
                State = RangeTestState.Failed,
                Error = Interruption(stale),
                EndedAt = time.GetUtcNow(),
                Interrupted = true,
            };
            await state.WriteStateAsync(cancellationToken);
            await RecordAsync(S.Status);
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _run?.Cancel();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<CommandResult> StartAsync(LearningRateRangeTestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (S.Status is { State: RangeTestState.Running or RangeTestState.Completed } current)
        {
            return CommandResult.InvalidState($"Learning-rate range test {TestId} is {current.State.ToString().ToLowerInvariant()}; it cannot be started again.");
        }

        try
        {
            request.Options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            return CommandResult.InvalidArgument($"Invalid range test options: {e.Message}");
        }

        S.Request = request;
        S.Status = new LearningRateRangeTestStatus(
            TestId, RangeTestState.Running, request.Config, [], request.Options.Steps, null, null, silo.Name, time.GetUtcNow(), null)
        {
            StudyId = request.StudyId,
        };
        await state.WriteStateAsync();
        lock (_gate)
        {
            _points.Clear();
        }

        _run = new CancellationTokenSource();
        // Kept in memory while it ramps: a long test on big data must not be collected as idle.
        _keepAlive ??= this.RegisterGrainTimer(_ => Task.CompletedTask, new GrainTimerCreationOptions(KeepAlivePeriod, KeepAlivePeriod) { KeepAlive = true });
        Log.RangeTestStarted(logger, TestId, silo.Name, request.Options.Steps, request.Options.StartLearningRate, request.Options.EndLearningRate);
        await RecordAsync(S.Status); // listed as running before the run can end and list it as ended
        FinishAsync(trainer.RunRangeTest(TestId, request, OnStep, _run.Token)).Ignore();
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public Task<LearningRateRangeTestStatus?> GetStatusAsync()
    {
        if (S.Status is not { State: RangeTestState.Running } running)
        {
            return Task.FromResult(S.Status);
        }

        lock (_gate)
        {
            return Task.FromResult<LearningRateRangeTestStatus?>(running with { Points = [.. _points] });
        }
    }

    /// <summary>Tells the range test list where the test is; a list that cannot be reached only misses it (the test stays readable by id).</summary>
    private async Task RecordAsync(LearningRateRangeTestStatus status)
    {
        try
        {
            await GrainFactory.GetGrain<IRangeTestRegistryGrain>(0).RecordAsync(RangeTestSummary.Of(status, S.Request?.Dataset.Kind ?? ""));
        }
        catch (Exception e)
        {
            Log.RangeTestRegistryUnreachable(logger, TestId, e.Message);
        }
    }

    private static string Interruption(LearningRateRangeTestStatus status) => $"its run on {status.Silo} was interrupted (the silo stopped)";

    /// <summary>Called on the test's thread with each step.</summary>
    private void OnStep(RangeTestPoint point)
    {
        lock (_gate)
        {
            _points.Add(point);
        }
    }

    /// <summary>Awaits the run (off the grain's turn), then stores how it ended and tells the study.</summary>
    private async Task FinishAsync(Task<RangeTestResult> run)
    {
        LearningRateRangeTestStatus ended;
        var started = S.Status!;
        try
        {
            var result = await run;
            ended = started with { State = RangeTestState.Completed, Points = result.Points, Result = result, EndedAt = time.GetUtcNow() };
            Log.RangeTestCompleted(logger, TestId, result.SuggestedLearningRate, result.SearchLow, result.SearchHigh, result.Points.Length, result.StopReason.ToString());
        }
        catch (Exception e)
        {
            ImmutableArray<RangeTestPoint> points;
            lock (_gate)
            {
                points = [.. _points];
            }

            var interrupted = e is OperationCanceledException;
            ended = started with
            {
                State = RangeTestState.Failed,
                Points = points,
                Error = interrupted ? Interruption(started) : e.Message,
                EndedAt = time.GetUtcNow(),
                Interrupted = interrupted,
            };
            Log.RangeTestFailed(logger, TestId, ended.Error!);
        }

        S.Status = ended;
        _run?.Dispose();
        _run = null;
        _keepAlive?.Dispose();
        _keepAlive = null;
        await state.WriteStateAsync();
        await RecordAsync(ended);
        if (ended.StudyId is { } studyId)
        {
            try
            {
                await GrainFactory.GetGrain<IStudyReportGrain>(studyId).ReportRangeTestEndedAsync(ended);
            }
            catch (Exception e)
            {
                // The study polls its test while it waits for it: it hears the end on its next check.
                Log.StudyUnreachable(logger, TestId, studyId, e.Message);
            }
        }
    }
}
