using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Identity;
using QualityGate.Mining;
using QualityGate.Scoring.FastPath;

namespace QualityGate.Scoring;

/// <summary>
/// The single streaming pass: a cursor over the scored view, reading score and label for every
/// row and the id only for rows the caller wants identified (wrong or in the region), so
/// hashing costs nothing for the rest.
/// </summary>
public static class ScoringPass
{
    /// <param name="ids">Which rows' ids to keep.</param>
    /// <param name="mining">When mining, offered every row in its band, with the row's id.</param>
    /// <param name="slices">The run's slice columns: the fast pass reads them with each row, ML.NET's loader leaves them to a text pass.</param>
    public static ScoredSet Read(
        string name,
        DataFile file,
        ScoredColumns columns,
        LabelMatcher labels,
        IdSelection ids,
        Action<string>? progress = null,
        CandidateCollector? mining = null,
        Slices.SliceSource? slices = null)
    {
        var estimatedRows = ids.ChosenInOrder ? PassProgress.EstimateRows(file) : 0;
        var choice = ids.Start(estimatedRows);

        // A plain CSV or Parquet file goes through the fast pass; the first odd row, or any
        // difference from this reader on the file's first rows, sends it back here.
        if (columns.Fast is not { } fast || Environment.GetEnvironmentVariable(FastPathSwitch) == "off"
            || FastPass.TryRead(name, file, fast, labels, choice, progress, mining, slices, rows => ReadWithLoader(name, file, columns with { View = Sample.Data.TakeRows(columns.View, rows) }, labels, IdChoice.Every, null, null)) is not { } set)
        {
            choice = ids.Start(estimatedRows);
            set = ReadWithLoader(name, file, columns, labels, choice, progress, mining);
        }

        if (choice.Covers(set.Count))
        {
            return set;
        }

        // The region's rows were chosen for the rows the file's first rows promised, and it has
        // more: read again, keeping every id (mining and slices had their rows the first time).
        progress?.Invoke($"{file.DisplayPath}: {set.Count:N0} rows, more than its first rows suggested; reading it again to keep the ids its region may need");
        return Read(name, file, columns, labels, IdSelection.Every, progress);
    }

    /// <summary>Set to "off" to read every file with ML.NET's loader (to compare the two, or to rule the fast path out).</summary>
    public const string FastPathSwitch = "QUALITYGATE_FAST_PATH";

    private static readonly MLContext Sample = new(seed: 0);

    /// <summary>The pass through ML.NET's loader and the model's own transforms: every file and model, with the row checks.</summary>
    internal static ScoredSet ReadWithLoader(
        string name,
        DataFile file,
        ScoredColumns columns,
        LabelMatcher labels,
        IdChoice identify,
        Action<string>? progress,
        CandidateCollector? mining)
    {
        var schema = columns.View.Schema;
        List<DataViewSchema.Column> active = [schema[columns.ScoreColumn], schema[columns.LabelColumn], .. IdentityColumns(schema, columns)];
        var scores = new List<double>();
        var positive = new List<bool>();
        var ids = new Dictionary<int, string>();
        try
        {
            using var cursor = columns.View.GetRowCursor(active);
            var readScore = CursorGetters.Number(cursor, schema[columns.ScoreColumn], columns.ScoreSlot);
            var readLabel = LabelOf(cursor, schema[columns.LabelColumn], labels, file);
            var checks = new RowChecks(cursor, schema, columns, file);
            var readId = IdReader(cursor, schema, columns, checks);
            var pass = PassProgress.For(file, progress);
            var row = 0;
            while (cursor.MoveNext())
            {
                checks.Check(row);
                var score = RequireFinite(readScore(), row, columns, file);
                var isPositive = readLabel(row);
                scores.Add(score);
                positive.Add(isPositive);
                string? id = null;
                if (identify.Keep(score, isPositive))
                {
                    id = ids[row] = readId();
                }

                if (mining is not null && mining.Wants(score, isPositive))
                {
                    mining.Offer(file, row, score, isPositive, id ?? readId());
                }

                row++;
                pass?.Row(row);
            }
        }
        catch (FormatException e)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{file.DisplayPath}' could not be read: {e.Message}", new SourceLocation(file.DisplayPath, 0, 0), inner: e);
        }

        if (scores.Count == 0)
        {
            throw new DataException(ErrorCodes.DataEmpty, $"'{file.DisplayPath}' has a header but no rows.", new SourceLocation(file.DisplayPath, 1, 0));
        }

        if (identify.ChosenInOrder)
        {
            // Rows chosen as they came: those the region's edge left behind since are let go, as
            // the fast pass lets go of them while it reads (this reader keeps them until the end).
            foreach (var row in ids.Keys.Where(row => !identify.StillWanted(scores[row], positive[row])).ToList())
            {
                ids.Remove(row);
            }
        }

        return new ScoredSet(name, file, [.. scores], [.. positive], ids);
    }

    private static double RequireFinite(double score, int row, ScoredColumns columns, DataFile file) => double.IsFinite(score)
        ? score
        : throw new DataException(ErrorCodes.DataBadScore, $"Row {row + 1} has score {score} in '{columns.ScoreDisplayName ?? columns.ScoreColumn}'; every example needs a finite score.", file.RowLocation(row),
            "A NaN score usually means a missing or non-numeric feature value in that row.");

    /// <summary>The id of every row, in order, without reading the score column (so the model does not run).</summary>
    public static List<string> IdentifyAll(DataFile file, ScoredColumns columns)
    {
        var schema = columns.View.Schema;
        var ids = new List<string>();
        using var cursor = columns.View.GetRowCursor(IdentityColumns(schema, columns));
        var readId = IdReader(cursor, schema, columns, new RowChecks(cursor, schema, columns, file));
        while (cursor.MoveNext())
        {
            ids.Add(readId());
        }

        return ids;
    }

    /// <summary>The columns an example's id is read from (and the row checks read, which identity hashing shares).</summary>
    private static IEnumerable<DataViewSchema.Column> IdentityColumns(DataViewSchema schema, ScoredColumns columns)
    {
        if (columns.IdColumn is { } idName)
        {
            yield return schema[idName];
        }

        foreach (var column in columns.IdentityColumns.Select(c => schema[c]).Concat(RowChecks.ColumnsNeeded(schema, columns)))
        {
            yield return column;
        }

        if (schema.GetColumnOrNull(HiddenColumns.Other) is { } other && columns.Identity is not null)
        {
            yield return other;
        }
    }

    /// <summary>
    /// A Boolean label (as a model's own loader reads it) means what ML.NET says it means: true is
    /// the positive class. Any other type is matched against the configured label values.
    /// </summary>
    private static Func<int, bool> LabelOf(DataViewRowCursor cursor, DataViewSchema.Column column, LabelMatcher labels, DataFile file)
    {
        if (column.Type == BooleanDataViewType.Instance)
        {
            var getter = cursor.GetGetter<bool>(column);
            var value = false;
            return _ =>
            {
                getter(ref value);
                return value;
            };
        }

        if (column.Type.RawType == typeof(ReadOnlyMemory<char>))
        {
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> value = default;
            return row =>
            {
                getter(ref value);
                return labels.IsPositive(value.Span, file, row);
            };
        }

        var text = CursorGetters.Text(cursor, column);
        return row => labels.IsPositive(text().AsSpan(), file, row);
    }

    private static Func<string> IdReader(DataViewRowCursor cursor, DataViewSchema schema, ScoredColumns columns, RowChecks checks)
    {
        if (columns.IdColumn is { } idName)
        {
            var readText = CursorGetters.Text(cursor, schema[idName]);
            return readText;
        }

        var identity = new ExampleIdentity();
        if (columns.Identity is { } plan)
        {
            // Numbers come from the model inputs' parsed values, text from the other fields, in file order.
            var other = plan.Any(p => p.Column == HiddenColumns.Other) ? cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(schema[HiddenColumns.Other]) : null;
            var readers = plan.Select(p => p.Column).Distinct().Where(c => c != HiddenColumns.Other).ToDictionary(c => c, c => checks.Numeric(c)!);
            VBuffer<ReadOnlyMemory<char>> otherValues = default;
            return () =>
            {
                other?.Invoke(ref otherValues);
                var text = otherValues.DenseValues().ToArray();
                foreach (var source in plan)
                {
                    if (source.Column == HiddenColumns.Other)
                    {
                        identity.AddText(text[source.Slot].Span);
                    }
                    else
                    {
                        identity.AddNumber(readers[source.Column].Read()[source.Slot]);
                    }
                }

                return identity.Finish();
            };
        }

        var parts = columns.IdentityColumns.Select(c => CursorGetters.Identity(cursor, schema[c])).ToList();
        return () =>
        {
            foreach (var add in parts)
            {
                add(identity);
            }

            return identity.Finish();
        };
    }
}
