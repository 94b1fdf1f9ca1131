namespace QualityGate.Scoring.FastPath;

/// <summary>
/// A worker's rows parsed and waiting to be scored together (<see cref="IRowScorer.ScoreBatch"/>):
/// their inputs by feature, and what each row's result needs once it has a score: its label,
/// slice values, a precomputed score, the copied text of the fields its id is made of, and where
/// its result goes. The text is copied because the parser's row is gone by the time the row is
/// scored, and only then is it known whether the row's id is wanted.
/// </summary>
internal sealed class RowBatch
{
    /// <summary>Rows scored at once: one per 32-bit lane of a 512-bit vector.</summary>
    public const int Rows = 16;

    private readonly int _textFields;
    private readonly int[] _textSpans;
    private char[] _text = new char[1024];
    private int _textLength;

    /// <param name="features">The model input's length (0 for precomputed scores).</param>
    /// <param name="textFields">How many fields' text each row keeps for its id.</param>
    public RowBatch(int features, int textFields)
    {
        Columns = new float[features * Rows];
        _textFields = textFields;
        _textSpans = new int[Rows * textFields * 2];
    }

    /// <summary>Feature f of row r at f * <see cref="Rows"/> + r.</summary>
    public float[] Columns { get; }

    public Waiting[] Row { get; } = new Waiting[Rows];

    public int Count { get; private set; }

    public bool IsFull => Count == Rows;

    /// <summary>Feature <paramref name="feature"/> of row <paramref name="row"/>, as parsed.</summary>
    public float Feature(int row, int feature) => Columns[(feature * Rows) + row];

    /// <summary>Sets the next row's input value; the row joins the batch at <see cref="Add"/>.</summary>
    public void SetFeature(int feature, float value) => Columns[(feature * Rows) + Count] = value;

    /// <summary>Keeps the next row's text for one of its id's fields, in the plan's order.</summary>
    public void KeepText(int field, ReadOnlySpan<char> text)
    {
        if (_text.Length < _textLength + text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + text.Length));
        }

        text.CopyTo(_text.AsSpan(_textLength));
        var span = ((Count * _textFields) + field) * 2;
        (_textSpans[span], _textSpans[span + 1]) = (_textLength, text.Length);
        _textLength += text.Length;
    }

    /// <summary>The kept text of a row's id field.</summary>
    public ReadOnlySpan<char> Text(int row, int field)
    {
        var span = ((row * _textFields) + field) * 2;
        return _text.AsSpan(_textSpans[span], _textSpans[span + 1]);
    }

    /// <summary>The next row, its features set and text kept, joins the batch.</summary>
    public void Add(Waiting row) => Row[Count++] = row;

    /// <summary>Empties the batch once its rows have their results.</summary>
    public void Clear() => (Count, _textLength) = (0, 0);

    /// <summary>A parsed row's label, slice values, precomputed score (when the file carries them), and its result's index.</summary>
    internal readonly record struct Waiting(bool Positive, string[]? Slices, double Score, int Index);
}
