package city.local.demo;

/**
 * What a demo run showed of one rule of the city bus (issue 12: 1 an incident closes parking, 2 and bike stations,
 * 3 an overstay becomes a warden's job, 4 a silent device a maintenance job), read back over the twin's API.
 *
 * @param shown whether the run showed the rule work end to end; the text says what happened either way
 */
public record CityBusLine(int rule, boolean shown, String text) {}
