using HyperTune.Training.Datasets;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperTune.Bench;

/// <summary>
/// The baseline: the loop a person writes by hand with TorchSharp for the same MLP — shuffle each epoch, Adam steps
/// over batches under a dispose scope, and the validation accuracy at the end of each epoch. No reports, commands,
/// schedules, divergence checks or checkpoints.
/// </summary>
internal static class BareTorchLoop
{
    public static double Train(PreparedDataset data, int epochs, int batchSize, long seed)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        var model = nn.Sequential(
            nn.Linear(data.FeatureCount, 128), nn.ReLU(),
            nn.Linear(128, 128), nn.ReLU(),
            nn.Linear(128, data.OutputCount));
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        var trainX = tensor(data.Train.Features, [data.Train.Count, data.FeatureCount]);
        var trainY = tensor(data.Train.ClassLabels!);
        var validX = tensor(data.Validation.Features, [data.Validation.Count, data.FeatureCount]);
        var validY = tensor(data.Validation.ClassLabels!);
        var random = new Random((int)seed);
        var count = data.Train.Count;
        var accuracy = 0.0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = new long[count];
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }

            random.Shuffle(order);
            var index = tensor(order);
            var x = trainX.index_select(0, index);
            var y = trainY.index_select(0, index);
            model.train();
            var lossSum = 0.0;
            for (var start = 0; start < count; start += batchSize)
            {
                using var stepScope = NewDisposeScope();
                var size = Math.Min(batchSize, count - start);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(x.narrow(0, start, size)), y.narrow(0, start, size));
                lossSum += loss.item<float>() * size;
                loss.backward();
                optimizer.step();
            }

            using (no_grad())
            {
                model.eval();
                var output = model.forward(validX);
                _ = nn.functional.cross_entropy(output, validY).item<float>();
                accuracy = output.argmax(1).eq(validY).sum().item<long>() / (double)data.Validation.Count;
            }
        }

        return accuracy;
    }
}
