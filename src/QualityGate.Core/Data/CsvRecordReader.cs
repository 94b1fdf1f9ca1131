using System.Buffers;
using System.Text;

namespace QualityGate.Data;

/// <summary>
/// Reads delimited records as RFC 4180 describes them: quoted fields may hold separators,
/// doubled quotes and line breaks; lines end in LF or CRLF; blank lines are skipped, as
/// ML.NET's TextLoader skips them, so record numbers agree with cursor positions.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly StringBuilder _field = new();
    private readonly string _name;
    private readonly SearchValues<char> _stops;
    private readonly char[] _buffer;
    private int _position;
    private int _length;

    /// <summary>A field longer than this is refused: an unclosed quote would otherwise read the rest of the file into one string.</summary>
    public const int MaxFieldLength = 1 << 20;

    /// <param name="name">How errors name the input.</param>
    /// <param name="bufferSize">Characters read from <paramref name="reader"/> at a time (tests make it small to cross many refills).</param>
    public CsvRecordReader(TextReader reader, char separator, string name = "input", int bufferSize = 1 << 16)
    {
        _buffer = new char[bufferSize];
        _reader = reader;
        _separator = separator;
        _name = name;
        _stops = SearchValues.Create([separator, '"', '\n', '\r']);
    }

    public static CsvRecordReader Open(string path, char separator) =>
        new(new StreamReader(FileContent.Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), separator, Path.GetFileName(path));

    /// <summary>The 1-based line on which the last record returned started.</summary>
    public int RecordLine { get; private set; }

    private int _line = 1;

    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public List<string>? Read()
    {
        while (true)
        {
            if (!Available())
            {
                return null;
            }

            RecordLine = _line;
            var fields = ReadRecord();
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                return fields;
            }
        }
    }

    /// <summary>
    /// Passes over the next record without splitting it: a line without quotes is a whole record,
    /// and a quoted line break keeps the record open while its quotes are unbalanced. Much faster
    /// than <see cref="Read"/> when only a few rows of a large file are wanted: the buffer is
    /// searched for line ends and quotes, nothing is copied.
    /// </summary>
    public bool Skip()
    {
        while (PassLine(out var blank, out var quotes))
        {
            RecordLine = _line;
            _line++;
            if (blank)
            {
                continue;
            }

            while (quotes % 2 == 1 && PassLine(out _, out var more))
            {
                _line++;
                quotes += more;
            }

            return true;
        }

        return false;
    }

    /// <summary>Passes one line and its line end, counting its quotes; false at the end of the input.</summary>
    private bool PassLine(out bool blank, out int quotes)
    {
        (blank, quotes) = (true, 0);
        if (!Available())
        {
            return false;
        }

        long content = 0;
        var endsInReturn = false;
        while (Available())
        {
            var rest = _buffer.AsSpan(_position, _length - _position);
            var stop = rest.IndexOfAny('\n', '"');
            var run = stop < 0 ? rest : rest[..stop];
            if (run.Length > 0)
            {
                (content, endsInReturn) = (content + run.Length, run[^1] == '\r');
            }

            if (stop < 0)
            {
                _position = _length;
                continue;
            }

            _position += stop + 1;
            if (rest[stop] == '\n')
            {
                break;
            }

            (quotes, content, endsInReturn) = (quotes + 1, content + 1, false);
        }

        // A line of nothing but the CR of a CRLF is as blank as an empty one.
        blank = content == 0 || (content == 1 && endsInReturn);
        return true;
    }

    private List<string> ReadRecord()
    {
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        while (true)
        {
            if (!Available())
            {
                fields.Add(_field.ToString());
                return fields;
            }

            // A run of characters that mean nothing to the format is copied at once.
            var rest = _buffer.AsSpan(_position, _length - _position);
            var plain = quoted ? rest.IndexOfAny('"', '\n') : rest.IndexOfAny(_stops);
            if (plain != 0)
            {
                var run = plain < 0 ? rest : rest[..plain];
                Append(run, quoted);
                _position += run.Length;
                continue;
            }

            var c = _buffer[_position++];
            if (quoted)
            {
                quoted = InQuotes(c);
            }
            else if (c == '"' && _field.Length == 0)
            {
                quoted = true;
            }
            else if (c == _separator)
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (c == '\n' || (c == '\r' && Peek() == '\n'))
            {
                if (c == '\r')
                {
                    _position++;
                }

                _line++;
                fields.Add(_field.ToString());
                return fields;
            }
            else
            {
                Append([c], quoted: false);
            }
        }
    }

    /// <summary>One character inside a quoted field; false when it closes the quotes.</summary>
    private bool InQuotes(char c)
    {
        if (c == '"' && Peek() == '"')
        {
            _field.Append('"');
            _position++;
            return true;
        }

        if (c == '"')
        {
            return false;
        }

        if (c == '\n')
        {
            _line++;
        }

        Append([c], quoted: true);
        return true;
    }

    /// <summary>The next character without taking it, or -1 at the end of the input.</summary>
    private int Peek() => Available() ? _buffer[_position] : -1;

    /// <summary>Whether a character is left, refilling the buffer from the reader when it is spent.</summary>
    private bool Available()
    {
        if (_position < _length)
        {
            return true;
        }

        (_position, _length) = (0, _reader.Read(_buffer));
        return _length > 0;
    }

    /// <summary>A field longer than <see cref="MaxFieldLength"/> is no field a data file means: it is refused before it fills the memory.</summary>
    private void Append(ReadOnlySpan<char> run, bool quoted)
    {
        _field.Append(run);
        if (_field.Length <= MaxFieldLength)
        {
            return;
        }

        throw quoted
            ? new Errors.DataException(Errors.ErrorCodes.DataUnreadable,
                $"A quoted field that starts on line {RecordLine} of '{_name}' runs past {MaxFieldLength:N0} characters.",
                new Errors.SourceLocation(_name, RecordLine, 0), "Look for an opening quote that is never closed.")
            : new Errors.DataException(Errors.ErrorCodes.DataUnreadable,
                $"A field on line {_line} of '{_name}' runs past {MaxFieldLength:N0} characters.", new Errors.SourceLocation(_name, _line, 0));
    }

    /// <summary>A field as CSV writes it: quoted only when it holds a separator, a quote or a line break.</summary>
    public static string Quote(string field, char separator) =>
        field.AsSpan().IndexOfAny(separator, '"', '\n') >= 0 || field.Contains('\r', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    /// <summary>A record as one CSV line, without the line break.</summary>
    public static string Line(IEnumerable<string> fields, char separator) =>
        string.Join(separator, fields.Select(f => Quote(f, separator)));

    /// <summary>A record as <see cref="Line"/> writes it, then a line break, without making the line.</summary>
    public static void WriteLine(TextWriter writer, IEnumerable<string> fields, char separator)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(separator);
            }

            writer.Write(Quote(field, separator));
            first = false;
        }

        writer.WriteLine();
    }

    public void Dispose() => _reader.Dispose();
}
