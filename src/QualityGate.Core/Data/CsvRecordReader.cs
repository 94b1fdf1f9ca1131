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

    /// <summary>A field longer than this is refused: an unclosed quote would otherwise read the rest of the file into one string.</summary>
    public const int MaxFieldLength = 1 << 20;

    /// <param name="name">How errors name the input.</param>
    public CsvRecordReader(TextReader reader, char separator, string name = "input")
    {
        _reader = reader;
        _separator = separator;
        _name = name;
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
            if (_reader.Peek() < 0)
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
    /// than <see cref="Read"/> when only a few rows of a large file are wanted.
    /// </summary>
    public bool Skip()
    {
        while (_reader.ReadLine() is { } line)
        {
            RecordLine = _line;
            _line++;
            if (line.Length == 0)
            {
                continue;
            }

            var quotes = line.AsSpan().Count('"');
            while (quotes % 2 == 1 && _reader.ReadLine() is { } next)
            {
                _line++;
                quotes += next.AsSpan().Count('"');
            }

            return true;
        }

        return false;
    }

    private List<string> ReadRecord()
    {
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        while (true)
        {
            var next = _reader.Read();
            if (next < 0)
            {
                fields.Add(_field.ToString());
                return fields;
            }

            var c = (char)next;
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
            else if (c == '\n' || (c == '\r' && _reader.Peek() == '\n'))
            {
                if (c == '\r')
                {
                    _reader.Read();
                }

                _line++;
                fields.Add(_field.ToString());
                return fields;
            }
            else
            {
                Append(c, quoted: false);
            }
        }
    }

    /// <summary>One character inside a quoted field; false when it closes the quotes.</summary>
    private bool InQuotes(char c)
    {
        if (c == '"' && _reader.Peek() == '"')
        {
            _field.Append('"');
            _reader.Read();
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

        Append(c, quoted: true);
        return true;
    }

    /// <summary>A field longer than <see cref="MaxFieldLength"/> is no field a data file means: it is refused before it fills the memory.</summary>
    private void Append(char c, bool quoted)
    {
        _field.Append(c);
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

    public void Dispose() => _reader.Dispose();
}
