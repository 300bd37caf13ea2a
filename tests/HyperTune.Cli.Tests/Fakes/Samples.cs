using System.Globalization;

namespace HyperTune.Cli.Tests.Fakes;

/// <summary>Canned JSON as docs/rest-api.md describes it, one line each (so it fits an SSE data line).</summary>
internal static class Samples
{
    public static string Study(
        string id = "s1",
        string state = "Running",
        int maxTrials = 3,
        int started = 1,
        string counts = """{ "Running": 1 }""",
        string? best = null,
        string? reason = null,
        string name = "digits-lr") =>
        $$"""{ "studyId": "{{id}}", "name": "{{name}}", "state": "{{state}}", "reason": {{Text(reason)}}, "objectiveMetric": "val_accuracy", "maximize": true, "maxTrials": {{maxTrials}}, "trialsStarted": {{started}}, "trialCounts": {{counts}}, "best": {{best ?? "null"}}, "createdAt": "2025-11-27T10:00:00+00:00", "endedAt": null, "specJson": "{\"name\":\"{{name}}\"}" }""";

    public static string Best(string trialId = "s1-0002", int epoch = 3, double value = 0.9812) =>
        $$"""{ "trialId": "{{trialId}}", "epoch": {{epoch}}, "value": {{N(value)}}, "config": { "learning_rate": 0.001, "optimizer": "adam" } }""";

    public static string Trial(
        string id = "s1-0001",
        string state = "Running",
        int number = 1,
        int epoch = 0,
        int maxEpochs = 3,
        string learningRate = "\"NaN\"",
        string silo = "silo-a",
        string? reason = null,
        string metrics = "{}") =>
        $$"""{ "trialId": "{{id}}", "studyId": "s1", "number": {{number}}, "state": "{{state}}", "reason": {{Text(reason)}}, "config": { "learning_rate": 0.001, "optimizer": "adam", "batch_norm": true }, "epoch": {{epoch}}, "maxEpochs": {{maxEpochs}}, "metrics": {{metrics}}, "learningRate": {{learningRate}}, "silo": "{{silo}}", "startedAt": "2025-11-27T10:00:01+00:00", "endedAt": null, "lastCheckpointEpoch": 0, "trainingSeconds": 0 }""";

    public static string EpochRecord(int epoch, double accuracy, double learningRate) =>
        $$"""{ "epoch": {{epoch}}, "step": {{epoch * 10}}, "metrics": { "train_loss": 0.5, "val_accuracy": {{N(accuracy)}} }, "learningRate": {{N(learningRate)}}, "durationSeconds": 1.5, "reportedAt": "2025-11-27T10:00:0{{epoch}}+00:00" }""";

    public static string Epoch(string trialId, int epoch, double accuracy, double learningRate = 0.001, string changes = "[]", string silo = "silo-a") =>
        $$"""{ "studyId": "s1", "trialId": "{{trialId}}", "epoch": {{EpochRecord(epoch, accuracy, learningRate)}}, "learningRateChanges": {{changes}}, "silo": "{{silo}}" }""";

    public static string Change(int epoch, double from, double to, string source = "user", string? command = "decay") =>
        $$"""{ "epoch": {{epoch}}, "step": {{epoch * 10 + 1}}, "oldLearningRate": {{N(from)}}, "newLearningRate": {{N(to)}}, "source": "{{source}}", "command": {{Text(command)}} }""";

    /// <summary>The learning rate of step <paramref name="step"/> of the default ramp: 1e-7 to 10 over <paramref name="steps"/>.</summary>
    public static double RangeTestRate(int step, int steps = 100) => 1e-7 * Math.Pow(1e8, step / (double)(steps - 1));

    /// <summary>
    /// A range test's first <paramref name="count"/> steps on a made-up curve: flat at 2.3, falling to its lowest near
    /// 3e-2, then rising steeply; the raw loss wiggles around the smoothed one. <paramref name="nanAt"/>: a NaN loss at that step.
    /// </summary>
    public static string RangeTestPoints(int count, int steps = 100, int? nanAt = null) =>
        "[" + string.Join(", ", Enumerable.Range(0, count).Select(i =>
        {
            var smoothed = RangeTestSmoothedLoss(i, steps);
            var loss = i == nanAt ? double.NaN : smoothed + (i % 2 == 0 ? 0.01 : -0.01);
            return $$"""{ "step": {{i}}, "learningRate": {{N(RangeTestRate(i, steps))}}, "loss": {{Finite(loss)}}, "smoothedLoss": {{Finite(i == nanAt ? double.NaN : smoothed)}} }""";
        })) + "]";

    /// <summary>The made-up smoothed loss of step <paramref name="step"/> (see <see cref="RangeTestPoints"/>).</summary>
    public static double RangeTestSmoothedLoss(int step, int steps = 100)
    {
        var x = Math.Log10(RangeTestRate(step, steps));
        return 2.3 - (2.0 / (1 + Math.Exp(-2 * (x + 3.5)))) + (x > -1.5 ? 1.5 * (x + 1.5) * (x + 1.5) : 0);
    }

    public static string RangeTestResult(
        int points, double suggested, double minimum, double low, double high, string stop = "Diverged", string method = "steepest", int steps = 100, int? nanAt = null) =>
        $$"""{ "points": {{RangeTestPoints(points, steps, nanAt)}}, "stopReason": "{{stop}}", "suggestedLearningRate": {{N(suggested)}}, "minimumLossLearningRate": {{N(minimum)}}, "searchLow": {{N(low)}}, "searchHigh": {{N(high)}}, "method": "{{method}}" }""";

    public static string RangeTest(
        string id = "lrt-1a2b3c4d",
        string state = "Running",
        int points = 0,
        int steps = 100,
        string? result = null,
        string? error = null,
        string? studyId = null,
        int? nanAt = null) =>
        $$"""{ "id": "{{id}}", "state": "{{state}}", "config": { "hidden_units": 32, "learning_rate": 0.0032, "optimizer": "adam" }, "points": {{RangeTestPoints(points, steps, nanAt)}}, "steps": {{steps}}, "result": {{result ?? "null"}}, "error": {{Text(error)}}, "silo": "silo-a", "startedAt": "2025-11-27T10:00:00+00:00", "endedAt": null, "studyId": {{Text(studyId)}} }""";

    /// <summary>One server-sent event.</summary>
    public static string Sse(string type, string json) => $"event: {type}\ndata: {json}\n\n";

    /// <summary>A short study: snapshot, one trial's two epochs, its end, the study's end.</summary>
    public static string CompletedStudyStream() =>
        Sse("study", Study(started: 1, maxTrials: 1)) +
        Sse("trial", Trial(state: "Running")) +
        ": keep-alive\n\n" +
        Sse("epoch", Epoch("s1-0001", 1, 0.9)) +
        Sse("epoch", Epoch("s1-0001", 2, 0.95, changes: $"[{Change(2, 0.001, 0.0005)}]")) +
        Sse("trial", Trial(state: "Completed", epoch: 2, learningRate: "0.0005", metrics: """{ "val_accuracy": 0.95 }""")) +
        Sse("study", Study(state: "Completed", maxTrials: 1, counts: """{ "Completed": 1 }""", best: Best("s1-0001", 2, 0.95)));

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Finite(double value) => double.IsFinite(value) ? N(value) : $"\"{N(value)}\"";

    private static string Text(string? value) => value is null ? "null" : $"\"{value}\"";
}
