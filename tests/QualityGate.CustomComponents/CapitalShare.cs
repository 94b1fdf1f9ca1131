using Microsoft.ML.Transforms;

namespace QualityGate.CustomComponents;

/// <summary>A feature a team computes in its own code: the share of a mail's capital letters in its longest run.</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class CapitalShare : CustomMappingFactory<CapitalShare.Input, CapitalShare.Output>
{
    public const string ContractName = "QualityGate.CapitalShare";

    public static void Map(Input input, Output output) =>
        output.CapitalShare = input.CapitalTotal <= 0 ? 0 : input.CapitalLong / input.CapitalTotal;

    public override Action<Input, Output> GetMapping() => Map;

    public sealed class Input
    {
        [Microsoft.ML.Data.ColumnName("capitalLong")]
        public float CapitalLong { get; set; }

        [Microsoft.ML.Data.ColumnName("capitalTotal")]
        public float CapitalTotal { get; set; }
    }

    public sealed class Output
    {
        public float CapitalShare { get; set; }
    }
}
