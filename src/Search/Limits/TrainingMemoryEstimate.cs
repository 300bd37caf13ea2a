namespace HyperTune.Search.Limits;

/// <summary>The memory one trial needs to train, by part (bytes); see <see cref="TrainingMemoryEstimator"/>.</summary>
/// <param name="Parameters">Trainable parameters of the model.</param>
/// <param name="WeightBytes">The weights, their gradients, the optimizer's state and the checkpoint buffers.</param>
/// <param name="ActivationBytes">What one training step keeps for the backward pass at the batch size.</param>
/// <param name="EvaluationBytes">What the forward pass over the whole validation split keeps.</param>
/// <param name="DataBytes">The dataset's tensors and each epoch's shuffled copy of the training rows.</param>
public sealed record TrainingMemoryEstimate(long Parameters, long WeightBytes, long ActivationBytes, long EvaluationBytes, long DataBytes)
{
    /// <summary>
    /// The peak: weights and data always, plus the larger of a training step's activations and the evaluation's (they
    /// never live at once).
    /// </summary>
    public long TotalBytes => Saturating((double)WeightBytes + DataBytes + Math.Max(ActivationBytes, EvaluationBytes));

    /// <summary>A double as bytes, at most <see cref="long.MaxValue"/>.</summary>
    internal static long Saturating(double bytes) => bytes >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(Math.Max(0, bytes));
}
