import { ApiProperty } from '@nestjs/swagger';

/** Every error the API answers with. */
export class ErrorDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'limit must not be greater than 200' }) message!: string;
}
