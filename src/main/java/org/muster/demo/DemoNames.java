package org.muster.demo;

import java.util.List;
import java.util.Random;

/**
 * A deterministic generator of plausible, fictional names: the same seed gives the same sequence.
 * Names are common given and family names combined at random, not any real person's.
 */
final class DemoNames {
    static final List<String> AMERICAN_GIVEN = List.of(
            "James",
            "Mary",
            "Robert",
            "Patricia",
            "John",
            "Jennifer",
            "Michael",
            "Linda",
            "David",
            "Elizabeth",
            "William",
            "Barbara",
            "Richard",
            "Susan",
            "Joseph",
            "Jessica",
            "Thomas",
            "Sarah",
            "Charles",
            "Karen",
            "Daniel",
            "Nancy",
            "Matthew",
            "Lisa",
            "Anthony",
            "Betty",
            "Mark",
            "Sandra",
            "Steven",
            "Ashley",
            "Paul",
            "Emily",
            "Andrew",
            "Donna",
            "Joshua",
            "Michelle",
            "Kevin",
            "Carol",
            "Brian",
            "Amanda",
            "Laura",
            "Megan");
    static final List<String> AMERICAN_FAMILY = List.of(
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Jones",
            "Garcia",
            "Miller",
            "Davis",
            "Rodriguez",
            "Martinez",
            "Hernandez",
            "Lopez",
            "Gonzalez",
            "Wilson",
            "Anderson",
            "Thomas",
            "Taylor",
            "Moore",
            "Jackson",
            "Martin",
            "Lee",
            "Perez",
            "Thompson",
            "White",
            "Harris",
            "Sanchez",
            "Clark",
            "Ramirez",
            "Lewis",
            "Robinson",
            "Walker",
            "Young",
            "Allen",
            "King",
            "Wright",
            "Scott",
            "Torres",
            "Nguyen",
            "Hill",
            "Flores",
            "Green");
    static final List<String> AFGHAN_GIVEN = List.of(
            "Ahmad",
            "Mohammad",
            "Abdul",
            "Farid",
            "Hamid",
            "Jawad",
            "Karim",
            "Mahmood",
            "Nasir",
            "Omid",
            "Rahim",
            "Samir",
            "Tariq",
            "Wahid",
            "Zabiullah",
            "Habib",
            "Javed",
            "Naveed",
            "Sayed",
            "Shafiq",
            "Fatima",
            "Mariam",
            "Zahra",
            "Laila",
            "Nargis",
            "Parwana",
            "Roya",
            "Shabnam",
            "Soraya",
            "Zarghona",
            "Freshta",
            "Hadia",
            "Madina",
            "Nilofar",
            "Sahar",
            "Sima",
            "Wazhma",
            "Yalda",
            "Hasina",
            "Nazanin");
    static final List<String> AFGHAN_FAMILY = List.of(
            "Ahmadi",
            "Rahimi",
            "Karimi",
            "Hakimi",
            "Noori",
            "Sultani",
            "Popal",
            "Stanikzai",
            "Wardak",
            "Safi",
            "Amiri",
            "Azizi",
            "Habibi",
            "Haidari",
            "Hashimi",
            "Jalali",
            "Mohammadi",
            "Nazari",
            "Qaderi",
            "Rasuli",
            "Sadat",
            "Samadi",
            "Sharifi",
            "Yousufzai",
            "Zahir",
            "Mansoor",
            "Faizi",
            "Durrani",
            "Barakzai",
            "Niazi");

    static final List<String> OTHER_GIVEN = List.of(
            "Ram", "Sita", "Bikash", "Anil", "Priya", "Jose", "Maria", "Ramon", "Joseph", "Grace", "Peter", "Faith");
    static final List<String> OTHER_FAMILY =
            List.of("Thapa", "Gurung", "Shrestha", "Sharma", "Reyes", "Santos", "Cruz", "Otieno", "Mwangi", "Kamau");

    private final Random random;

    DemoNames(long seed) {
        this.random = new Random(seed);
    }

    String american() {
        return americanGiven() + " " + americanFamily();
    }

    String americanGiven() {
        return pick(AMERICAN_GIVEN);
    }

    String americanFamily() {
        return pick(AMERICAN_FAMILY);
    }

    String afghanGiven() {
        return pick(AFGHAN_GIVEN);
    }

    String afghanFamily() {
        return pick(AFGHAN_FAMILY);
    }

    String otherGiven() {
        return pick(OTHER_GIVEN);
    }

    String otherFamily() {
        return pick(OTHER_FAMILY);
    }

    Random random() {
        return random;
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }
}
