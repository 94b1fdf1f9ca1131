using System.Text;

namespace QualityGate.Tests.Onnx;

/// <summary>
/// Writes small ONNX models by hand (the protobuf wire format of onnx.proto, a few fields of it),
/// for shapes the ML.NET converter never emits: a probability tensor with a column per class, and
/// scikit-learn's ZipMap output, a sequence of maps from class label to probability.
/// </summary>
internal static class TinyOnnx
{
    private const int Float = 1;
    private const int Int64 = 7;

    /// <summary>Input <c>X</c>, float [N, 2]; output <c>probabilities</c>, the same tensor (Identity).</summary>
    public static byte[] PerClassProbabilities() => Model(
        Node("Identity", "", ["X"], ["probabilities"]),
        [ValueInfo("X", TensorType(Float, 2))],
        [ValueInfo("probabilities", TensorType(Float, 2))]);

    /// <summary>Input <paramref name="input"/>, float [N, 1], as output <c>probability</c>: a "model" whose score is a column of the data.</summary>
    public static byte[] ScoreFrom(string input) => Model(
        Node("Identity", "", [input], ["probability"]),
        [ValueInfo(input, TensorType(Float, 1))],
        [ValueInfo("probability", TensorType(Float, 1))]);

    /// <summary>Input <c>X</c>, float [N, 2]; outputs <c>output_label</c> (ArgMax) and <c>output_probability</c> (ZipMap over classes 0 and 1).</summary>
    public static byte[] ZipMap() => Model(
        Concat(
            Node("ArgMax", "", ["X"], ["output_label"], Attribute("axis", 1), Attribute("keepdims", 0)),
            Node("ZipMap", "ai.onnx.ml", ["X"], ["output_probability"], Attribute("classlabels_int64s", [0, 1]))),
        [ValueInfo("X", TensorType(Float, 2))],
        [ValueInfo("output_label", TensorType(Int64, null)), ValueInfo("output_probability", SequenceOfMaps())]);

    private static byte[] Model(byte[] nodes, byte[][] inputs, byte[][] outputs)
    {
        var graph = Concat(nodes, Bytes(2, Text("tiny")), Concat([.. inputs.Select(i => Bytes(11, i))]), Concat([.. outputs.Select(o => Bytes(12, o))]));
        return Concat(
            Varint(1, 8),                                         // ir_version
            Bytes(2, Text("qualitygate-tests")),                  // producer_name
            Bytes(7, graph),
            Bytes(8, Concat(Bytes(1, Text("")), Varint(2, 15))),   // opset ai.onnx 15
            Bytes(8, Concat(Bytes(1, Text("ai.onnx.ml")), Varint(2, 2))));
    }

    private static byte[] Node(string op, string domain, string[] inputs, string[] outputs, params byte[][] attributes) =>
        Bytes(1, Concat(
            Concat([.. inputs.Select(i => Bytes(1, Text(i)))]),
            Concat([.. outputs.Select(o => Bytes(2, Text(o)))]),
            Bytes(3, Text(op + "_" + outputs[0])),
            Bytes(4, Text(op)),
            Concat([.. attributes.Select(a => Bytes(5, a))]),
            domain.Length > 0 ? Bytes(7, Text(domain)) : []));

    private static byte[] Attribute(string name, long value) => Concat(Bytes(1, Text(name)), Varint(3, value), Varint(20, 2));

    private static byte[] Attribute(string name, long[] values) =>
        Concat(Bytes(1, Text(name)), Concat([.. values.Select(v => Varint(8, v))]), Varint(20, 7));

    private static byte[] ValueInfo(string name, byte[] type) => Concat(Bytes(1, Text(name)), Bytes(2, type));

    /// <summary>A tensor type, [N] or [N, columns], the batch dimension symbolic.</summary>
    private static byte[] TensorType(int element, int? columns)
    {
        var shape = Bytes(1, Bytes(2, Text("N")));
        if (columns is { } c)
        {
            shape = Concat(shape, Bytes(1, Varint(1, c)));
        }

        return Bytes(1, Concat(Varint(1, element), Bytes(2, shape)));
    }

    private static byte[] SequenceOfMaps()
    {
        var map = Concat(Varint(1, Int64), Bytes(2, Bytes(1, Varint(1, Float))));
        return Bytes(4, Bytes(1, Bytes(5, map)));
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(int field, byte[] value) => Concat(Key(field, 2), Raw((ulong)value.Length), value);

    private static byte[] Varint(int field, long value) => Concat(Key(field, 0), Raw((ulong)value));

    private static byte[] Key(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    private static byte[] Raw(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
