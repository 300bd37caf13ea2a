namespace HyperTune.Search.Limits;

/// <summary>
/// Estimates the memory of training the engine's MLP (float32), without building it:
/// <list type="bullet">
/// <item>parameters: per linear layer <c>in × out + out</c>, plus <c>2 × width</c> per batch-norm layer;</item>
/// <item>weight memory: the weights, their gradients, the optimizer's copies (2 for adam, adamw and rmsprop with
/// momentum, 1 for sgd with momentum) and, with checkpoints, a serialized copy of the weights and the optimizer state;</item>
/// <item>activations of one step at <c>min(batch size, training rows)</c>: per hidden layer the linear output and the
/// activation (2 × batch × width), the batch-norm output (1 more), dropout's mask and output (2 more), plus the input, the
/// logits and the loss, plus the backward pass's gradients of the widest layer (2 more);</item>
/// <item>evaluation: the forward pass over the whole validation split, whose intermediate results are all kept until it
/// ends (linear, batch norm and activation outputs per layer);</item>
/// <item>data: the dataset's tensors (training and validation rows with their labels) and each epoch's shuffled copy
/// of the training rows.</item>
/// </list>
/// The peak is the weights and the data plus the larger of a step's activations and the evaluation's. libtorch's own
/// overhead (about 200 MB per process) is not included: it is the silo's, not a trial's. Pure and linear in the layers.
/// </summary>
public static class TrainingMemoryEstimator
{
    /// <summary>Bytes of one float32.</summary>
    public const int BytesPerValue = 4;

    /// <summary>
    /// Copies of the weights an optimizer keeps: adam and adamw 2 (first and second moments), rmsprop 1 (the squares'
    /// average) and 1 more with momentum, sgd 1 with momentum and none without. An unknown name counts as 2.
    /// </summary>
    public static int OptimizerStateCopies(string optimizer, bool momentum) => optimizer switch
    {
        "sgd" => momentum ? 1 : 0,
        "rmsprop" => momentum ? 2 : 1,
        _ => 2,
    };

    /// <summary>The trainable parameters of an MLP of <paramref name="size"/> on <paramref name="shape"/>.</summary>
    public static long Parameters(ModelSize size, DatasetShape shape)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(shape);
        return TrainingMemoryEstimate.Saturating(ParameterCount(size, shape));
    }

    /// <summary>The memory of training an MLP of <paramref name="size"/> on <paramref name="shape"/>.</summary>
    public static TrainingMemoryEstimate Estimate(ModelSize size, DatasetShape shape)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(shape);
        var parameters = ParameterCount(size, shape);
        var copies = 2.0 + size.OptimizerStateCopies + (size.Checkpoints ? 1 + size.OptimizerStateCopies : 0);
        var weights = parameters * copies * BytesPerValue;

        var batch = Math.Max(1.0, Math.Min(size.BatchSize, Math.Max(shape.TrainRows, 1)));
        double hiddenValues = 0;
        double widest = 0;
        foreach (var units in size.HiddenUnits)
        {
            hiddenValues += units;
            widest = Math.Max(widest, units);
        }

        var perLayer = 2.0 + (size.BatchNorm ? 1 : 0) + (size.Dropout ? 2 : 0);
        var stepValues = batch * ((hiddenValues * perLayer) + shape.Features + (2.0 * shape.Outputs) + (2 * Math.Max(widest, shape.Outputs)));
        var evaluationValues = shape.ValidationRows * ((hiddenValues * (2.0 + (size.BatchNorm ? 1 : 0))) + shape.Outputs);
        var rows = (double)shape.TrainRows + shape.ValidationRows;
        var dataValues = ((rows + shape.TrainRows) * (shape.Features + 1.0));

        return new TrainingMemoryEstimate(
            TrainingMemoryEstimate.Saturating(parameters),
            TrainingMemoryEstimate.Saturating(weights),
            TrainingMemoryEstimate.Saturating(stepValues * BytesPerValue),
            TrainingMemoryEstimate.Saturating(evaluationValues * BytesPerValue),
            TrainingMemoryEstimate.Saturating(dataValues * BytesPerValue));
    }

    private static double ParameterCount(ModelSize size, DatasetShape shape)
    {
        double count = 0;
        double width = shape.Features;
        foreach (var units in size.HiddenUnits)
        {
            count += (width * units) + units + (size.BatchNorm ? 2.0 * units : 0);
            width = units;
        }

        return count + (width * shape.Outputs) + shape.Outputs;
    }
}
