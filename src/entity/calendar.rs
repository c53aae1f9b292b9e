//! Proleptic Gregorian calendar arithmetic for date values.

use std::fmt;

/// A calendar day (proleptic Gregorian), shown and parsed as ISO `YYYY-MM-DD`.
///
/// ```
/// use vntext::entity::Day;
///
/// let merger: Day = "2025-07-01".parse().unwrap();
/// assert_eq!(merger, Day::new(2025, 7, 1).unwrap());
/// assert_eq!(merger.to_string(), "2025-07-01");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// The year.
    pub year: i32,
    /// The month, 1..=12.
    pub month: u32,
    /// The day of the month, 1..=31.
    pub day: u32,
}

/// Whether `y` is a leap year.
pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days in month `m` (1..=12) of year `y`.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// The day, when it exists in the calendar.
    ///
    /// ```
    /// use vntext::entity::Day;
    ///
    /// assert!(Day::new(2024, 2, 29).is_some());
    /// assert!(Day::new(2025, 2, 29).is_none());
    /// assert!(Day::new(2025, 4, 31).is_none());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Day { year, month, day })
    }

    /// The last day of a month.
    ///
    /// ```
    /// use vntext::entity::Day;
    ///
    /// assert_eq!(Day::month_end(2024, 2).to_string(), "2024-02-29");
    /// ```
    pub fn month_end(year: i32, month: u32) -> Day {
        Day {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// Days since 1970-01-01 (negative before).
    ///
    /// ```
    /// use vntext::entity::Day;
    ///
    /// assert_eq!(Day::new(1970, 1, 2).unwrap().to_days(), 1);
    /// assert_eq!(Day::new(1969, 12, 31).unwrap().to_days(), -1);
    /// ```
    pub fn to_days(self) -> i64 {
        // Days from civil (H. Hinnant's algorithm).
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` days after 1970-01-01.
    ///
    /// ```
    /// use vntext::entity::Day;
    ///
    /// let d = Day::new(1975, 4, 30).unwrap();
    /// assert_eq!(Day::from_days(d.to_days()), d);
    /// ```
    pub fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Day {
            year: y as i32,
            month: m,
            day: d,
        }
    }

    /// The day `n` days later (earlier when negative).
    ///
    /// ```
    /// use vntext::entity::Day;
    ///
    /// let d = Day::new(2024, 12, 31).unwrap();
    /// assert_eq!(d.add_days(1).to_string(), "2025-01-01");
    /// assert_eq!(d.add_days(-366).to_string(), "2023-12-31");
    /// ```
    pub fn add_days(self, n: i64) -> Day {
        Day::from_days(self.to_days() + n)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    ///
    /// ```
    /// use vntext::entity::Day;
    ///
    /// // 2 September 1945 was a Sunday (Chủ nhật).
    /// assert_eq!(Day::new(1945, 9, 2).unwrap().weekday(), 6);
    /// ```
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// The same day `n` months later (clamped to the month's end).
    ///
    /// ```
    /// use vntext::entity::Day;
    ///
    /// let d = Day::new(2025, 1, 31).unwrap();
    /// assert_eq!(d.add_months(1).to_string(), "2025-02-28");
    /// assert_eq!(d.add_months(-2).to_string(), "2024-11-30");
    /// ```
    pub fn add_months(self, n: i32) -> Day {
        let total = self.year * 12 + self.month as i32 - 1 + n;
        let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Day {
            year: y,
            month: m,
            day: self.day.min(days_in_month(y, m)),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Day {
    type Err = ();

    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Day, ()> {
        let mut it = s.splitn(3, '-');
        let y = it.next().and_then(|x| x.parse().ok()).ok_or(())?;
        let m = it.next().and_then(|x| x.parse().ok()).ok_or(())?;
        let d = it.next().and_then(|x| x.parse().ok()).ok_or(())?;
        Day::new(y, m, d).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_weekdays() {
        for n in -800_000..800_000i64 {
            if n % 997 != 0 {
                continue;
            }
            assert_eq!(Day::from_days(n).to_days(), n);
        }
        assert_eq!(Day::new(1970, 1, 1).unwrap().to_days(), 0);
        // 2019-07-24 was a Wednesday, 2000-02-29 a Tuesday.
        assert_eq!(Day::new(2019, 7, 24).unwrap().weekday(), 2);
        assert_eq!(Day::new(2000, 2, 29).unwrap().weekday(), 1);
        assert_eq!(
            Day::new(2020, 3, 1).unwrap().add_days(-1),
            Day::new(2020, 2, 29).unwrap()
        );
        assert_eq!(
            Day::new(2020, 3, 31).unwrap().add_months(-1),
            Day::new(2020, 2, 29).unwrap()
        );
        assert!(Day::new(2019, 2, 29).is_none());
        assert_eq!(
            "2019-07-25".parse::<Day>(),
            Ok(Day::new(2019, 7, 25).unwrap())
        );
    }
}
