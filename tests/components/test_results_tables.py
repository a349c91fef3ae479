"""gtx_results: flattened result tables (the position alone on a line, one cell a line)."""

from __future__ import annotations


def results(report, text: str) -> list[tuple[str, int, str | None, list[str]]]:
    return [(r.kind, r.position, r.class_, r.drivers) for r in report(text).results]


def test_flattened_table_rows_one_cell_a_line(report) -> None:
    text = (
        "Ergebnis\n"
        "• 1\nJonas Brenninger\nJonas Brenninger\nTeam Rosberg\n45:12,3\n"
        "• 2\nLars ter Horst\nLars ter Horst\nMRS GT-Racing\n+1,234\n"
        "• 3\nTim Kessler\nTim Kessler\nTeam Rosberg\nDNF\n"
        "• 4\nMax Weber\nMax Weber\nMRS GT-Racing\n+5,678\n"
    )
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Brenninger"]),
        ("race", 2, None, ["Lars ter Horst"]),
        ("race", 4, None, ["Max Weber"]),
    ]


def test_two_numbered_lines_are_no_table(report) -> None:
    text = "Ergebnis\n1\nJonas Brenninger\n2\nLars ter Horst\n"
    assert results(report, text) == []


def test_a_bulleted_cell_above_a_bare_number_belongs_to_that_row(report) -> None:
    # the row starts with its gap ("• +1,234s") and gives the position below it;
    # the "Ausfall" above row 4 retires row 4, not row 3
    text = (
        "Ergebnis\n"
        "• 45:12,3\n1\nJonas Brenninger\nTeam Rosberg\n"
        "• +1,234s\n2\nLars ter Horst\nMRS GT-Racing\n"
        "• +5,678s\n3\nTim Kessler\nTeam Rosberg\n"
        "• Ausfall\n4\nMax Weber\nMRS GT-Racing\n"
    )
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Brenninger"]),
        ("race", 2, None, ["Lars ter Horst"]),
        ("race", 3, None, ["Tim Kessler"]),
    ]


def column_facts(alone, doc) -> list[tuple[str, int, list[str]]]:
    doc = alone("gtx_results")(doc)
    return [(f.kind, f.position, [doc[a:b].text for a, b in f.drivers]) for f in doc._.gtx_results]


def test_position_columns_named_in_a_header(alone, hand_doc) -> None:
    doc = hand_doc(
        "Fahrer Chassis Grid Ergebnis Schnellste Runde\n"
        "[Xaver Quast](DRIVER) Nordwand NW4/02 P2 P1 1:17,485\n"
        "[Yannick Oblitz](DRIVER) Nordwand NW4/01 P5 DNF 1:18,272\n"
    )
    assert column_facts(alone, doc) == [
        ("qualifying", 2, ["Xaver Quast"]),
        ("race", 1, ["Xaver Quast"]),
        ("qualifying", 5, ["Yannick Oblitz"]),
    ]


def test_a_row_with_other_cells_than_columns_gives_nothing(alone, hand_doc) -> None:
    doc = hand_doc("Fahrer Grid Ergebnis\n[Xaver Quast](DRIVER) Nordwand P2\n")
    assert column_facts(alone, doc) == []


def test_a_table_whose_cells_lost_their_gaps(report) -> None:
    # "1.Jonas BrenningerPorsche45:12,3": position, name, make and time in one word
    text = (
        "Ergebnis\n"
        "Pos.FahrerAutoZeit\n"
        "1.Jonas BrenningerPorsche45:12,3\n"
        "2.Lars WeberAudi+1,234\n"
        "3.Tim KesslerPorsche+5,678\n"
    )
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Brenninger"]),
        ("race", 2, None, ["Lars Weber"]),
        ("race", 3, None, ["Tim Kessler"]),
    ]


def test_rows_with_lone_start_numbers_and_laps(report) -> None:
    # each row: position, start number, name, country, team, car, laps, time;
    # the start numbers and laps are lone numbers too, out of order
    rows = [
        ("1", "12", "Jonas Brenninger", "Deutschland", "Team Rosberg", "Porsche", "24", "45:12,3"),
        ("2", "3", "Lars Weber", "Österreich", "MRS GT-Racing", "Audi", "24", "+1,234"),
        ("3", "2", "Tim Kessler", "Schweiz", "Team Rosberg", "Porsche", "24", "+5,678"),
        ("4", "7", "Max Weber", "Deutschland", "MRS GT-Racing", "Audi", "23", "+1 Runde"),
    ]
    text = "Ergebnis\n" + "".join("\n".join(row) + "\n" for row in rows)
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Brenninger"]),
        ("race", 2, None, ["Lars Weber"]),
        ("race", 3, None, ["Tim Kessler"]),
        ("race", 4, None, ["Max Weber"]),
    ]


def test_a_crew_cell_and_a_country_code_in_a_driver_cell(report) -> None:
    text = (
        "Ergebnis\n"
        "1\nJonas Brenninger / Lars Weber\nTeam Rosberg\n45:12,3\n"
        "2\nTim Kessler (A)\nMRS GT-Racing\n+1,234\n"
        "3\nPaul Schmidt / Karl Maier\nTeam Rosberg\n+5,678\n"
    )
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Brenninger", "Lars Weber"]),
        ("race", 2, None, ["Tim Kessler"]),
        ("race", 3, None, ["Paul Schmidt", "Karl Maier"]),
    ]
