package org.anju.walk;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The walk-through on the embedded default, H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HouseholdWalkThroughH2Test extends HouseholdWalkThrough {}
